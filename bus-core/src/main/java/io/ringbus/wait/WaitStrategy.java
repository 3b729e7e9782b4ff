package io.ringbus.wait;

/**
 * How a thread waits for a sequence: a stage waiting for the producer or an upstream stage, or a producer
 * waiting for space in a full ring. Each stage, and the producers, may use their own strategy.
 *
 * <p>Implementations are thread-safe and may be shared: per-wait state lives in local variables. A strategy
 * may return early, with a value below {@code required}, when the condition is cancelled, when the thread is
 * interrupted (the interrupt status is kept), or spuriously; callers re-check and call again.
 */
public interface WaitStrategy {
    /**
     * Waits until {@code condition.available() >= required} or the condition is cancelled.
     *
     * @return the last value of {@code condition.available()} seen; below {@code required} if the wait ended early
     */
    long waitFor(long required, WaitCondition condition);

    /**
     * True if waiters must be woken by {@link #signalAll()} when what they wait on advances. The bus calls
     * {@code signalAll} only on such strategies, so the others cost nothing on publish.
     */
    default boolean requiresSignal() {
        return false;
    }

    /** Wakes every thread blocked in this strategy. Cheap when nobody is blocked. */
    default void signalAll() {
    }
}
