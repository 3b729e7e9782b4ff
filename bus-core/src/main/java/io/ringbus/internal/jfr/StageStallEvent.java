package io.ringbus.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;
import jdk.jfr.Timespan;

/** The stall watchdog found a stage with a backlog that had not advanced for its timeout. */
@Name("io.ringbus.StageStall")
@Label("Stage Stall")
@Category({"ringbus"})
@Description("A stage with events ready has not advanced for the stall watchdog's timeout")
@StackTrace(false)
final class StageStallEvent extends jdk.jfr.Event {
    @Label("Bus")
    String bus;

    @Label("Stage")
    String stage;

    @Label("Sequence")
    @Description("The highest sequence the stage had finished")
    long sequence;

    @Label("Backlog")
    @Description("Events ready for the stage that it had not finished")
    long backlog;

    @Label("Stalled For")
    @Timespan(Timespan.NANOSECONDS)
    long stalledFor;
}
