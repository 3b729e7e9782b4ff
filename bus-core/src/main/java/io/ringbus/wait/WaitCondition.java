package io.ringbus.wait;

/**
 * What a {@link WaitStrategy} waits on. The bus supplies one per waiter: a stage waiting for the producer or
 * for upstream stages, or a producer waiting for space in the ring.
 */
public interface WaitCondition {
    /**
     * The current value of what is waited on: the highest sequence ready for a stage, or the slowest gating
     * stage's sequence for a producer. Reads with acquire semantics.
     */
    long available();

    /** True when the wait must end early: the bus halted or closed, or the waiter's deadline passed. */
    boolean isCancelled();

    /** Nanoseconds until this waiter's deadline, or {@code Long.MAX_VALUE} if it has none. */
    default long nanosUntilDeadline() {
        return Long.MAX_VALUE;
    }
}
