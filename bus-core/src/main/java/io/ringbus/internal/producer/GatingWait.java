package io.ringbus.internal.producer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.internal.sequence.Sequences;
import io.ringbus.wait.WaitCondition;

/**
 * A producer's wait for the gating stages: available() is the slowest last stage's sequence.
 * One instance per waiting call, reused only by the thread that made it.
 */
final class GatingWait implements WaitCondition {
    /** Which lifecycle states end the wait. */
    enum Until {
        /** Nothing claimed yet: give up as soon as the bus stops accepting claims. */
        NOT_RUNNING,
        /** Already claimed (multi-producer add): keep waiting through a close, until the stages stop. */
        TERMINAL
    }

    private final RunState run;
    private final Sequence[] gating;
    private final Until until;
    private long deadline;
    private boolean hasDeadline;

    GatingWait(RunState run, Sequence[] gating, Until until) {
        this.run = run;
        this.gating = gating;
        this.until = until;
    }

    GatingWait withDeadline(long deadlineNanoTime) {
        this.deadline = deadlineNanoTime;
        this.hasDeadline = true;
        return this;
    }

    @Override
    public long available() {
        return Sequences.minimum(gating, Long.MAX_VALUE);
    }

    @Override
    public boolean isCancelled() {
        return stopped() || expired();
    }

    /** True if the waiter already took its sequences: it waits for room for slots it owns. */
    boolean holdsClaim() {
        return until == Until.TERMINAL;
    }

    boolean stopped() {
        return until == Until.NOT_RUNNING ? !run.isRunning() : run.isTerminal();
    }

    boolean expired() {
        return hasDeadline && System.nanoTime() - deadline >= 0;
    }

    @Override
    public long nanosUntilDeadline() {
        return hasDeadline ? deadline - System.nanoTime() : Long.MAX_VALUE;
    }
}
