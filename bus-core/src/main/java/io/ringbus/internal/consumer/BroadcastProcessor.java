package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * A broadcast stage: its handler sees every event in sequence order, in batches of at most
 * {@code maxBatchSize}, and its progress is release-stored once per batch.
 *
 * <p>Aborted slots are skipped (see {@link AbortedSlots}), and so are events a stage it runs after failed on,
 * unless it was asked to see them (see {@link UpstreamFailures}); either way such an event is marked failed
 * here too, for the stages after this one.
 */
public final class BroadcastProcessor<E> extends StageLoop<E> {
    private final RingStorage<E> ring;
    private final StageBarrier barrier;
    private final AbortedSlots aborted;
    private final UpstreamFailures upstreamFailures;
    private final Failures failures;
    private final boolean seesFailedEvents;
    private final Sequence sequence = new Sequence();
    private final int maxBatchSize;

    BroadcastProcessor(String name, StageContext<E> context, StageBarrier barrier, EventHandler<? super E> handler,
                       FailureGuard<E> guard, int maxBatchSize, Failures failures) {
        super(name, handler, guard, context.haltBus(), barrier.counters());
        this.ring = context.ring();
        this.barrier = barrier;
        this.aborted = new AbortedSlots(ring, context.sequencer(), barrier.counters());
        this.upstreamFailures = failures.upstream();
        this.failures = failures;
        this.seesFailedEvents = failures.seesFailedEvents();
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
                if (barrier.idleTimedOut() && !onTimeout(next - 1)) {
                    haltBus.run();
                    return;
                }
                continue;
            }
            long end = Math.min(available, next + maxBatchSize - 1);
            aborted.refresh();
            upstreamFailures.refresh();
            long done = processBatch(next, end, available);
            sequence.setRelease(done);
            signalProgress();
            countBatch(done - next + 1);
            next = done + 1;
            if (done < end) {
                return; // the policy halted the bus mid-batch
            }
        }
    }

    /** Handles [next, end]; returns the last sequence handled, below end only if the policy halted the bus. */
    private long processBatch(long next, long end, long available) {
        long lastEvent = end;
        while (lastEvent >= next && skipped(lastEvent)) {
            lastEvent--;
        }
        try {
            handler.onBatchStart((int) (end - next + 1), available - next + 1);
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
            if (upstreamFailures.failedUpstream(s)) {
                failures.own().mark(s); // the stages after this one skip it too
                if (!seesFailedEvents) {
                    failures.countSkip(s);
                    continue;
                }
            }
            int outcome = guard.deliver(handler, ring.get(s), s, s == lastEvent, barrier, haltBus);
            if (outcome == FailureGuard.FAILED) {
                failures.own().mark(s);
            } else if (outcome == FailureGuard.HALTED) {
                return s;
            }
        }
        return end;
    }

    /** Tells the handler the stage has been idle for its idle timeout; false if the bus must halt. */
    private boolean onTimeout(long sequence) {
        try {
            handler.onTimeout(sequence);
            return true;
        } catch (Throwable t) {
            return guard.onLifecycleFailure(t, "onTimeout");
        }
    }

    /** Not handed to the handler: aborted, or failed upstream (unless this stage sees failed events). */
    private boolean skipped(long s) {
        return aborted.isAborted(s) || !seesFailedEvents && upstreamFailures.failedUpstream(s);
    }
}
