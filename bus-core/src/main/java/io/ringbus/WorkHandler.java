package io.ringbus;

/**
 * A worker's callback in a worker pool: each event goes to exactly one worker of the pool.
 *
 * <p>Ordering contract: when {@code onEvent(event, s)} runs, the producer's writes before {@code publish(s)}
 * and those of every stage the pool runs after are visible. A worker sees increasing sequences; across
 * workers there is no order, except that a key-partitioned pool keeps each key's order.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface WorkHandler<E> {
    /** Handles one event; copy what must outlive the call. Exceptions go to the pool's policy. */
    void onEvent(E event, long sequence) throws Exception;

    /** Called on the worker's thread before its first event. */
    default void onStart() throws Exception {
    }

    /** Called on the worker's thread when it stops. */
    default void onShutdown() throws Exception {
    }
}
