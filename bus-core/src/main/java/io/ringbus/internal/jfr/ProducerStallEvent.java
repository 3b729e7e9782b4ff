package io.ringbus.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** A producer waited for room in a full ring for at least the bus's threshold. */
@Name("io.ringbus.ProducerStall")
@Label("Producer Stall")
@Category({"ringbus"})
@Description("A claim waited for room in a full ring for longer than the bus's threshold")
@StackTrace(true)
final class ProducerStallEvent extends jdk.jfr.Event {
    @Label("Bus")
    String bus;

    @Label("Stall")
    @Timespan(Timespan.NANOSECONDS)
    long stall;
}
