package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * A broadcast stage: its handler sees every event in sequence order, in batches of at most
 * {@code maxBatchSize}, and its progress is release-stored once per batch.
 *
 * <p>Aborted slots are skipped. The abort count is read once per batch; only when it moved since the last
 * batch are slot states read, and only up to the claim cursor seen then, which covers every abort the new
 * count includes. A single-producer stage therefore reads no per-slot state on the normal path.
 */
public final class BroadcastProcessor<E> extends StageLoop<E> {
    private final RingStorage<E> ring;
    private final Sequencer sequencer;
    private final StageBarrier barrier;
    private final Sequence sequence = new Sequence();
    private final int maxBatchSize;

    public BroadcastProcessor(String name, RingStorage<E> ring, Sequencer sequencer, StageBarrier barrier,
                              EventHandler<? super E> handler, FailureGuard<E> guard, int maxBatchSize,
                              Runnable haltBus) {
        super(name, handler, guard, haltBus);
        this.ring = ring;
        this.sequencer = sequencer;
        this.barrier = barrier;
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
        long seenAborts = 0;
        long skipCheckUntil = Long.MIN_VALUE;
        while (!barrier.isFinished(next)) { // one volatile read per batch: halted, or drained by a close
            long available = barrier.waitFor(next);
            if (available < next) {
                Thread.interrupted(); // an interrupt means nothing to a stage; clear it so waits block again
                continue;
            }
            long end = Math.min(available, next + maxBatchSize - 1);
            long aborts = sequencer.abortCountAcquire();
            if (aborts != seenAborts) {
                seenAborts = aborts;
                skipCheckUntil = sequencer.claimedAcquire();
            }
            long done = processBatch(next, end, skipCheckUntil);
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
    private long processBatch(long next, long end, long skipCheckUntil) {
        long lastEvent = end;
        while (lastEvent >= next && lastEvent <= skipCheckUntil && ring.isAbortedAcquire(lastEvent)) {
            lastEvent--; // endOfBatch goes to the last event actually delivered
        }
        try {
            handler.onBatchStart((int) (end - next + 1));
        } catch (Throwable t) {
            if (!guard.onLifecycleFailure(t, "onBatchStart")) {
                haltBus.run();
                return next - 1;
            }
        }
        for (long s = next; s <= end; s++) {
            if (s <= skipCheckUntil && ring.isAbortedAcquire(s)) {
                continue;
            }
            if (!guard.deliver(handler, ring.get(s), s, s == lastEvent, barrier, haltBus)) {
                return s;
            }
        }
        return end;
    }
}
