package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * A broadcast stage: its handler sees every event in sequence order, in batches of at most
 * {@code maxBatchSize}, and its progress is release-stored once per batch.
 *
 * <p>Aborted slots are skipped. See {@link AbortedSlots}.
 */
public final class BroadcastProcessor<E> extends StageLoop<E> {
    private final RingStorage<E> ring;
    private final StageBarrier barrier;
    private final AbortedSlots aborted;
    private final Sequence sequence = new Sequence();
    private final int maxBatchSize;

    public BroadcastProcessor(String name, RingStorage<E> ring, Sequencer sequencer, StageBarrier barrier,
                              EventHandler<? super E> handler, FailureGuard<E> guard, int maxBatchSize,
                              Runnable haltBus) {
        super(name, handler, guard, haltBus);
        this.ring = ring;
        this.barrier = barrier;
        this.aborted = new AbortedSlots(ring, sequencer);
        this.maxBatchSize = maxBatchSize;
    }

    public Sequence sequence() {
        return sequence;
    }

    FailureGuard<E> guard() {
        return guard;
    }

    @Override
    protected void loop() {
        long next = sequence.getPlain() + 1;
        while (!barrier.isFinished(next)) { // one volatile read per batch: halted, or drained by a close
            long available = barrier.waitFor(next);
            if (available < next) {
                Thread.interrupted(); // an interrupt means nothing to a stage; clear it so waits block again
                continue;
            }
            long end = Math.min(available, next + maxBatchSize - 1);
            aborted.refresh();
            long done = processBatch(next, end);
            sequence.setRelease(done);
            signalProgress();
            countBatch();
            next = done + 1;
            if (done < end) {
                return; // the policy halted the bus mid-batch
            }
        }
    }

    /** Handles [next, end]; returns the last sequence handled, below end only if the policy halted the bus. */
    private long processBatch(long next, long end) {
        long lastEvent = aborted.lastDelivered(next, end);
        try {
            handler.onBatchStart((int) (end - next + 1));
        } catch (Throwable t) {
            if (!guard.onLifecycleFailure(t, "onBatchStart")) {
                haltBus.run();
                return next - 1;
            }
        }
        for (long s = next; s <= end; s++) {
            if (aborted.isAborted(s)) {
                continue;
            }
            if (!guard.deliver(handler, ring.get(s), s, s == lastEvent, barrier, haltBus)) {
                return s;
            }
        }
        return end;
    }
}
