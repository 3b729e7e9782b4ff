package io.ringbus.internal.jfr;

import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/** A handler threw; the stage's exception policy decides what happens next. */
@Name("io.ringbus.HandlerFailure")
@Label("Handler Failure")
@Category({"ringbus"})
@Description("A stage's handler threw an exception")
@StackTrace(false)
final class HandlerFailureEvent extends jdk.jfr.Event {
    @Label("Stage")
    String stage;

    @Label("Sequence")
    @Description("The event's sequence; -1 for a lifecycle hook")
    long sequence;

    @Label("Attempt")
    int attempt;

    @Label("Phase")
    @Description("onEvent, or the lifecycle hook that failed")
    String phase;

    @Label("Exception")
    String exception;

    @Label("Message")
    String message;
}
