package io.ringbus.internal.consumer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.internal.sequence.Sequences;
import io.ringbus.wait.WaitCondition;
import io.ringbus.wait.WaitStrategy;

/**
 * What one consumer thread waits on: the producer (a first stage) or the slowest of its upstream stages.
 * Owned by one thread; {@code next} is the sequence it waits for. It carries that thread's counters.
 *
 * <p>A wait is cancelled once the stage has passed the drain target: at once after a halt, and after the
 * last claimed sequence during a close.
 */
public final class StageBarrier implements WaitCondition {
    private final Sequencer sequencer;
    /** A first stage of a SINGLE bus reads the producer's cursor directly, not through the sequencer. */
    private final Sequence cursor;
    private final Sequence[] upstream;
    private final WaitStrategy waitStrategy;
    private final RunState run;
    /** How far past next a first stage looks for ready slots: its batch limit, at most the capacity. */
    private final int window;
    /** The stage's idle timeout (0: none): a wait that lasts this long returns early, for onTimeout. */
    private long idleNanos;
    private long idleDeadline;
    private boolean idleTimedOut;
    private final StageCounters counters;
    private long next;

    public StageBarrier(Sequencer sequencer, Sequence[] upstream, WaitStrategy waitStrategy, RunState run) {
        this(sequencer, upstream, waitStrategy, run, sequencer.capacity(), new StageCounters(false));
    }

    public StageBarrier(Sequencer sequencer, Sequence[] upstream, WaitStrategy waitStrategy, RunState run, int window) {
        this(sequencer, upstream, waitStrategy, run, window, new StageCounters(false));
    }

    public StageBarrier(Sequencer sequencer, Sequence[] upstream, WaitStrategy waitStrategy, RunState run, int window,
                        StageCounters counters) {
        this.counters = counters;
        this.sequencer = sequencer;
        this.upstream = upstream.clone();
        this.cursor = this.upstream.length == 0 ? sequencer.publishedCursor() : null;
        this.waitStrategy = waitStrategy;
        this.run = run;
        this.window = Math.min(window, sequencer.capacity());
    }

    /**
     * Returns the highest sequence ready for this stage, &gt;= next, or a lower value if the wait was cut
     * short (halt, drained, interrupt): the caller checks {@link #isCancelled()} and calls again.
     */
    public long waitFor(long next) {
        this.next = next;
        long available = available();
        if (available >= next) {
            return available;
        }
        return await(next);
    }

    /** The slow path: wait in the strategy, and count a wake-up if the wait ended with work. */
    private long await(long next) {
        if (idleNanos > 0) {
            idleDeadline = System.nanoTime() + idleNanos;
            idleTimedOut = false;
        }
        long available = waitStrategy.waitFor(next, this);
        if (available >= next) {
            counters.onWakeUp();
        }
        return available;
    }

    /** The counters of the thread that owns this barrier. */
    public StageCounters counters() {
        return counters;
    }

    /** Sets the idle timeout, before start; 0 for none. */
    void idleTimeout(long nanos) {
        this.idleNanos = nanos;
    }

    /** True if the last wait ended because the idle timeout passed with nothing ready. */
    boolean idleTimedOut() {
        return idleTimedOut;
    }

    @Override
    public long nanosUntilDeadline() {
        return idleNanos > 0 ? idleDeadline - System.nanoTime() : Long.MAX_VALUE;
    }

    @Override
    public long available() {
        return availableFor(next);
    }

    /** The highest sequence ready for this stage now, without waiting; below next if none is. */
    public long availableFor(long next) {
        return availableFor(next, window);
    }

    /**
     * The same, looking at most {@code count} sequences past next where that costs a read per slot (a
     * multi-producer first stage); other stages may get more, and cut the batch themselves.
     */
    public long availableFor(long next, int count) {
        if (cursor != null) {
            return cursor.getAcquire();
        }
        return upstream.length == 0
                ? sequencer.highestReady(next, next + count - 1)
                : Sequences.minimum(upstream, Long.MAX_VALUE);
    }

    @Override
    public boolean isCancelled() {
        if (isFinished(next)) {
            return true;
        }
        if (idleNanos > 0 && System.nanoTime() - idleDeadline >= 0) {
            idleTimedOut = available() < next;
            return idleTimedOut;
        }
        return false;
    }

    public boolean isHalted() {
        return run.isHalted();
    }

    /** True if the stage, about to wait for {@code next}, has nothing left to deliver: halted or drained. */
    public boolean isFinished(long next) {
        return next > run.drainTargetAcquire();
    }
}
