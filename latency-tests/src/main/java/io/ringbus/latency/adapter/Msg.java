package io.ringbus.latency.adapter;

/**
 * The one event type every implementation moves: preallocated, mutable, three longs.
 * Ring implementations keep one per slot; queue implementations cycle through a pool.
 */
public final class Msg {
    /** Payload; the consumers sum it, so nothing can be optimised away or lost unseen. */
    public long value;
    /** The time the message was meant to be sent (System.nanoTime base). */
    public long stamp;
    /** The time the previous pipeline stage handled it; written only by pipeline stages. */
    public long hop;

    /** Fills the message for sending. */
    public void set(long value, long stamp) {
        this.value = value;
        this.stamp = stamp;
        this.hop = stamp;
    }
}
