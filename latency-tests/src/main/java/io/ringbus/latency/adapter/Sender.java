package io.ringbus.latency.adapter;

/**
 * One producer's view of a channel. A sender is used by one thread at a time; when the channel is full it
 * waits with the channel's wait strategy (or the implementation's own producer wait).
 */
public interface Sender {
    void send(long value, long stamp);

    /**
     * Sends {@code count} messages with values {@code firstValue ..} as one batch claim where the
     * implementation has one; only called when the adapter accepted {@link Feature#BATCH_CLAIM}.
     */
    default void sendBatch(long firstValue, int count, long stamp) {
        for (int i = 0; i < count; i++) {
            send(firstValue + i, stamp);
        }
    }

    /**
     * Sends {@code count} messages through the implementation's batch translator API (one call, one claim);
     * only called when the adapter accepted {@link Feature#BATCH_TRANSLATOR}.
     */
    default void sendTranslatedBatch(long firstValue, int count, long stamp) {
        sendBatch(firstValue, count, stamp);
    }
}
