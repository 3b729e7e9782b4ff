package io.ringbus;

/**
 * A broadcast stage's callback: it sees every event, in sequence order, in batches.
 *
 * <p>Ordering contract: when {@code onEvent(event, s, ...)} runs, every write the producer made to the event
 * before {@code publish(s)}, and every write of every stage this stage runs after, is visible. Events arrive
 * in increasing sequence order, so each producer's events arrive in the order it published them. The
 * stage's progress is published once per batch, after {@code endOfBatch}; the producer will not reuse the
 * slot before every gating stage has passed it.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventHandler<E> {
    /**
     * Handles one event. The event belongs to the ring: copy what must outlive this call.
     *
     * @param event      the event in the slot
     * @param sequence   its sequence number
     * @param endOfBatch true on the last event of the batch: a good point to flush
     * @throws Exception passed to the stage's {@link ExceptionPolicy}
     */
    void onEvent(E event, long sequence, boolean endOfBatch) throws Exception;

    /** Called on the stage's thread before the first event. */
    default void onStart() throws Exception {
    }

    /** Called on the stage's thread after the last event, when the stage stops. */
    default void onShutdown() throws Exception {
    }

    /**
     * Called before each batch.
     *
     * @param batchSize number of slots in the batch (aborted slots, which are skipped, included)
     */
    default void onBatchStart(int batchSize) throws Exception {
    }

    /**
     * Called before each batch, with how far behind the stage is; by default calls {@link #onBatchStart(int)}.
     *
     * @param batchSize  number of slots in the batch (aborted slots, which are skipped, included)
     * @param queueDepth events ready when the batch began, the batch included: above {@code batchSize} when the
     *                   batch was cut at the stage's batch limit (a multi-producer first stage looks no further
     *                   than that limit, so there it is at most {@code batchSize})
     */
    default void onBatchStart(int batchSize, long queueDepth) throws Exception {
        onBatchStart(batchSize);
    }

    /**
     * Called when the stage has waited {@link StageSpec#idleTimeout} without an event, and again after each
     * further such period; never while events are ready. Like the Disruptor's {@code onTimeout}.
     *
     * @param sequence the last sequence this stage finished (-1 if none)
     */
    default void onTimeout(long sequence) throws Exception {
    }
}
