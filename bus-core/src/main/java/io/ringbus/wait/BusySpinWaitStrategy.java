package io.ringbus.wait;

/**
 * Spins on the condition with {@link Thread#onSpinWait()} (PAUSE on x86). Lowest latency; burns a whole core
 * while waiting, idle or not. Use only with at most one spinning thread per free core: with more spinners than
 * cores the OS scheduler, not the bus, sets the pace.
 */
public final class BusySpinWaitStrategy implements WaitStrategy {
    /** Stateless: one instance may serve every stage and producer. */
    public BusySpinWaitStrategy() {
    }

    @Override
    public long waitFor(long required, WaitCondition condition) {
        long available;
        while ((available = condition.available()) < required) {
            if (condition.isCancelled() || Thread.currentThread().isInterrupted()) {
                return available;
            }
            Thread.onSpinWait();
        }
        return available;
    }

    @Override
    public String toString() {
        return "BusySpinWaitStrategy";
    }
}
