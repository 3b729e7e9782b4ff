package io.ringbus.wait;

/**
 * Spins {@code spinTries} times, then calls {@link Thread#yield()} on every further check. Gives the core to
 * another runnable thread, but still shows as 100% CPU when the machine is otherwise idle.
 */
public final class YieldingWaitStrategy implements WaitStrategy {
    /** Spins before the first yield. */
    public static final int DEFAULT_SPIN_TRIES = 100;

    private final int spinTries;

    public YieldingWaitStrategy() {
        this(DEFAULT_SPIN_TRIES);
    }

    /** @param spinTries spins before yielding; must be &gt;= 0 */
    public YieldingWaitStrategy(int spinTries) {
        if (spinTries < 0) {
            throw new IllegalArgumentException("spinTries must be >= 0: " + spinTries);
        }
        this.spinTries = spinTries;
    }

    @Override
    public long waitFor(long required, WaitCondition condition) {
        long available;
        int counter = spinTries;
        while ((available = condition.available()) < required) {
            if (condition.isCancelled() || Thread.currentThread().isInterrupted()) {
                return available;
            }
            if (counter > 0) {
                counter--;
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return available;
    }

    @Override
    public String toString() {
        return "YieldingWaitStrategy{spinTries=" + spinTries + '}';
    }
}
