package io.ringbus;

/** What one {@link Poller#poll} call found. */
public enum PollState {
    /** At least one slot was taken (events handled, or aborted slots skipped). */
    PROCESSED,
    /** Nothing was published beyond what this poller already handled. */
    IDLE,
    /** Events were published, but an upstream stage has not finished them yet. */
    GATED,
    /** The bus was closed and this poller has delivered everything, or the bus was halted: stop polling. */
    CLOSED
}
