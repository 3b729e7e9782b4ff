package io.ringbus.latency.adapter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The one event type every implementation moves: preallocated, mutable, three longs.
 * Ring implementations keep one per slot; queue implementations cycle through a pool.
 */
public final class Msg {
    private static final VarHandle IN_USE;

    static {
        try {
            IN_USE = MethodHandles.lookup().findVarHandle(Msg.class, "inUse", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Payload; the consumers sum it, so nothing can be optimised away or lost unseen. */
    public long value;
    /** The time the message was meant to be sent (System.nanoTime base). */
    public long stamp;
    /** The time the previous pipeline stage handled it; written only by pipeline stages. */
    public long hop;
    /**
     * 1 while a worker of a shared queue may still read this pooled message; only queue worker pools use it.
     * An int fills the gap after the object header, so the event stays the same size for everyone.
     */
    private int inUse;

    /** Fills the message for sending. */
    public void set(long value, long stamp) {
        this.value = value;
        this.stamp = stamp;
        this.hop = stamp;
    }

    /** Producer side, before filling: in use until a worker releases it (the queue's offer publishes this). */
    public void markInUse() {
        inUse = 1;
    }

    /** Worker side, after its handler returned: the producer may refill the message. */
    public void release() {
        IN_USE.setRelease(this, 0);
    }

    /** Producer side: whether the last worker to take this message is done with it. */
    public boolean isReleased() {
        return (int) IN_USE.getAcquire(this) == 0;
    }
}
