package io.ringbus.internal.metrics;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The counters of one consumer thread (a broadcast stage, one pool worker, or a poller): events and batches
 * with the largest batch, wake-ups, and aborts seen. One writer, the thread itself, so each update is a
 * plain read and an opaque store, once per batch: no lock, no atomic, no fence. Readers (stats, the counters
 * file) read opaque, so a value may be a moment old but is never torn. Padded on both sides.
 *
 * <p>A bus built with counters off gets instances whose updates return at once, so an A/B comparison
 * measures exactly their cost.
 */
public final class StageCounters extends CounterPadAfter {
    private static final VarHandle EVENTS;
    private static final VarHandle BATCHES;
    private static final VarHandle MAX_BATCH;
    private static final VarHandle WAKE_UPS;
    private static final VarHandle ABORTS_SEEN;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            EVENTS = l.findVarHandle(CounterLine.class, "events", long.class);
            BATCHES = l.findVarHandle(CounterLine.class, "batches", long.class);
            MAX_BATCH = l.findVarHandle(CounterLine.class, "maxBatch", long.class);
            WAKE_UPS = l.findVarHandle(CounterLine.class, "wakeUps", long.class);
            ABORTS_SEEN = l.findVarHandle(CounterLine.class, "abortsSeen", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final boolean enabled;

    /** @param enabled false for a bus built without counters: every update is then a no-op */
    public StageCounters(boolean enabled) {
        this.enabled = enabled;
    }

    /** After a batch of {@code size} sequences (handled, skipped or aborted). Owner thread only. */
    public void onBatch(long size) {
        if (enabled) {
            EVENTS.setOpaque(this, events + size);
            BATCHES.setOpaque(this, batches + 1);
            if (size > maxBatch) {
                MAX_BATCH.setOpaque(this, size);
            }
        }
    }

    /** After a wait in the wait strategy that ended with work ready. Owner thread only. */
    public void onWakeUp() {
        if (enabled) {
            WAKE_UPS.setOpaque(this, wakeUps + 1);
        }
    }

    /** When the thread learns of {@code count} more aborts (abort calls). Owner thread only. */
    public void onAborts(long count) {
        if (enabled) {
            ABORTS_SEEN.setOpaque(this, abortsSeen + count);
        }
    }

    /** Sequences passed in batches. */
    public long events() {
        return (long) EVENTS.getOpaque(this);
    }

    /** Batches handled. */
    public long batches() {
        return (long) BATCHES.getOpaque(this);
    }

    /** The largest batch. */
    public long maxBatch() {
        return (long) MAX_BATCH.getOpaque(this);
    }

    /** Waits that ended with work ready. */
    public long wakeUps() {
        return (long) WAKE_UPS.getOpaque(this);
    }

    /** Aborts this thread has learnt of. */
    public long abortsSeen() {
        return (long) ABORTS_SEEN.getOpaque(this);
    }

    /** True unless the bus was built with counters off. */
    public boolean enabled() {
        return enabled;
    }
}
