package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import java.util.concurrent.atomic.AtomicBoolean;
import org.agrona.concurrent.IdleStrategy;

/**
 * A producer on a queue that several workers share. It sends the harness's usual event, a preallocated
 * mutable object of three longs, from a pool of its own; a message is refilled only after the worker that
 * took it has released it. Nothing is allocated per message.
 *
 * <p>Why not {@link QueueSender}'s plain rotation: its pool is safe because one consumer per queue handles
 * messages in order, so a successful offer proves the oldest ones are done. With several workers that proof
 * is gone. A worker can take a message and then lose its core for milliseconds while the other worker drains
 * thousands more, and the producer would lap any pool, however large, and rewrite the message under the
 * worker that still reads it: a checksum failure that is the harness's fault. So a worker releases each
 * message when its handler returns (a release store), and the producer reuses it only after seeing that
 * release (an acquire load), waiting with the run's idle strategy if it must, as a ring producer waits on a
 * worker pool's gating sequence. The pool holds 2 x the queue's capacity + one message per worker + 2,
 * rounded up to a power of two: more than can be queued and in hand at once, so the producer meets a message
 * still in use only when a worker sits on it.
 *
 * <p>The alternative, immutable preallocated holders indexed by sequence modulo a pool, is safe without the
 * release but moves a different event than the rings, and a checksum over holder values cannot tell a
 * message from one a pool length away.
 */
final class RecyclingSender implements Sender {
    private final MsgQueue queue;
    private final QueueWait wait;
    private final IdleStrategy idle;
    private final AtomicBoolean stopping;
    private final Msg[] pool;
    private final int mask;
    private long next;

    RecyclingSender(MsgQueue queue, QueueWait wait, IdleStrategy idle, AtomicBoolean stopping, int poolSize) {
        if (Integer.bitCount(poolSize) != 1) {
            throw new IllegalArgumentException("pool size must be a power of two, was " + poolSize);
        }
        this.queue = queue;
        this.wait = wait;
        this.idle = idle;
        this.stopping = stopping;
        this.pool = new Msg[poolSize];
        this.mask = poolSize - 1;
        for (int i = 0; i < poolSize; i++) {
            pool[i] = new Msg();
        }
    }

    /** Messages per producer: 2 x capacity + one per worker + 2, rounded up to a power of two. */
    static int poolSize(int capacity, int workers) {
        long needed = 2L * QueueKind.realCapacity(capacity) + workers + 2;
        long size = Long.highestOneBit(needed - 1) << 1;
        if (size > (1 << 30)) {
            throw new IllegalArgumentException("capacity " + capacity + " is too large for a pooled sender");
        }
        return (int) size;
    }

    @Override
    public void send(long value, long stamp) {
        Msg m = pool[(int) (next++ & mask)];
        if (!m.isReleased()) {
            awaitRelease(m);
        }
        m.markInUse();
        m.set(value, stamp);
        wait.put(queue, m);
    }

    private void awaitRelease(Msg m) {
        idle.reset();
        while (!m.isReleased()) {
            // Workers stop only after the producers did; a producer still here then has a broken run.
            if (stopping.get()) {
                throw new IllegalStateException("the workers stopped while one still held a pooled message");
            }
            idle.idle();
        }
    }
}
