package io.ringbus;

/** Who may publish. */
public enum ProducerMode {
    /**
     * One thread publishes at a time. Claims are a plain increment with no atomic instruction, and stages read
     * the cursor once per batch. Publishes happen in claim order.
     *
     * <p>The producer role may pass between threads when the previous producer's last call happens-before the
     * next one's first claim: an executor or actor hand-off, {@code Thread.start} or {@code join}, a lock, or
     * an event delivered through a bus (a ping-pong between two SINGLE buses). Concurrent claims from two
     * threads are undefined. A new thread that claims while the previous producer still has a claim open, and
     * two threads racing for the role, are rejected with {@link IllegalStateException}; other overlaps are
     * caught only with {@link RingBusBuilder#strictSingleProducer(boolean)}.
     */
    SINGLE,
    /**
     * Any thread may publish. A claim is one atomic add (LOCK XADD) that never retries; slots may be
     * published in any order and stages deliver them in sequence order.
     */
    MULTI
}
