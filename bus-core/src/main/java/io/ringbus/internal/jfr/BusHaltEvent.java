package io.ringbus.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A bus halted: its stages stopped at once. The stack trace shows who halted it. */
@Name("io.ringbus.BusHalt")
@Label("Bus Halt")
@Category({"ringbus"})
@Description("A bus halted; the stack trace shows who halted it")
@StackTrace(true)
final class BusHaltEvent extends jdk.jfr.Event {
    @Label("Bus")
    String bus;

    @Label("Claimed")
    @Description("The highest claimed sequence when the bus halted")
    long claimed;
}
