package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.WaitMode;
import java.util.concurrent.TimeUnit;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/**
 * How a harness thread waits on a queue, since a queue has no wait strategy of its own. Spin, yield and
 * park use Agrona idle strategies (park = spin, then yield, then parkNanos with capped backoff); blocking
 * uses the queue's own put and timed poll. One instance per thread: the backoff keeps state.
 */
abstract class QueueWait {

    static QueueWait create(WaitMode mode) {
        return mode == WaitMode.BLOCKING ? new Blocking() : new Idling(idleStrategy(mode));
    }

    /**
     * The idle strategy of a mode, for a harness thread that waits on something other than a queue. Blocking
     * has nothing to block on there, so it backs off like park.
     */
    static IdleStrategy idleStrategy(WaitMode mode) {
        switch (mode) {
            case SPIN: return new BusySpinIdleStrategy();
            case YIELD: return new YieldingIdleStrategy();
            case PARK: case BLOCKING: return new BackoffIdleStrategy();
            default: throw new IllegalArgumentException("wait " + mode);
        }
    }

    /** Puts the message, waiting while the queue is full. */
    abstract void put(MsgQueue q, Msg msg);

    /** One wait step for input: a message, or null after idling once. */
    abstract Msg await(MsgQueue q);

    /** Called after work was found, so backoff starts again from spinning. */
    abstract void reset();

    private static final class Idling extends QueueWait {
        private final IdleStrategy idle;

        Idling(IdleStrategy idle) {
            this.idle = idle;
        }

        @Override void put(MsgQueue q, Msg msg) {
            if (!q.offer(msg)) {
                idle.reset();
                do {
                    idle.idle();
                } while (!q.offer(msg));
            }
        }

        @Override Msg await(MsgQueue q) {
            Msg m = q.poll();
            if (m == null) {
                idle.idle();
            } else {
                idle.reset();
            }
            return m;
        }

        @Override void reset() {
            idle.reset();
        }
    }

    private static final class Blocking extends QueueWait {
        @Override void put(MsgQueue q, Msg msg) {
            try {
                q.put(msg);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in put", e);
            }
        }

        @Override Msg await(MsgQueue q) {
            try {
                // A timeout only so a stopping stage notices; a put signals the waiter at once.
                return q.poll(1, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted in poll", e);
            }
        }

        @Override void reset() {
            // nothing to reset
        }
    }
}
