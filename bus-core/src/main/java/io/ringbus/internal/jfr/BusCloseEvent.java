package io.ringbus.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A bus closed, with its shutdown report. */
@Name("io.ringbus.BusClose")
@Label("Bus Close")
@Category({"ringbus"})
@Description("A bus closed; the fields are its shutdown report")
@StackTrace(false)
final class BusCloseEvent extends jdk.jfr.Event {
    @Label("Bus")
    String bus;

    @Label("Drained")
    boolean drained;

    @Label("Timed Out")
    boolean timedOut;

    @Label("Last Sequence")
    long lastSequence;

    @Label("Remaining")
    @Description("Events left undelivered, summed over stages")
    long remaining;

    @Label("Took")
    @Timespan(Timespan.NANOSECONDS)
    long took;

    @Label("Report")
    String report;
}
