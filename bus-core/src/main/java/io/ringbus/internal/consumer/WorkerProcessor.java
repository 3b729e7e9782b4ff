package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.WorkHandler;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * One worker of a work-sharing pool. Workers take sequences from a shared claim counter, so each event goes
 * to exactly one worker: when a run of events is known to be ready, a worker takes its share of it (at most
 * {@link #MAX_RUN}) with one compare-and-set; otherwise it takes the next sequence with an atomic add, which
 * never retries, and waits for it.
 *
 * <p>Gating: a worker's progress is the first sequence of its claim minus one, raised only when it takes its
 * next claim. While it handles its run its progress is below every sequence of it, and every sequence below
 * its claim was taken by some worker whose own progress is below it until done; so the minimum over the
 * pool's workers never passes an event still being handled. A run lies within what the barrier showed
 * ready, so it never spans the drain target. A worker that claims beyond the drain target has nothing left to do and stops; after a halt, a
 * worker still finishes an event it claimed that was already published, so no claimed event is dropped.
 */
final class WorkerProcessor<E> extends StageLoop<E> {
    /** The longest run one claim takes: a cap on how long other workers may idle beside a backlog. */
    static final int MAX_RUN = 64;

    private final RingStorage<E> ring;
    private final AbortedSlots aborted;
    private final Failures failures;
    private final StageBarrier barrier;
    private final Sequence claimCounter;
    private final int workers;
    private final Sequence progress = new Sequence();

    WorkerProcessor(String name, StageContext<E> context, StageBarrier barrier, Sequence claimCounter, int workers,
                    WorkHandler<? super E> handler, FailureGuard<E> guard, Failures failures) {
        super(name, asEventHandler(handler), guard, context.haltBus(), barrier.counters());
        this.ring = context.ring();
        this.aborted = new AbortedSlots(ring, context.sequencer(), barrier.counters());
        this.failures = failures;
        this.barrier = barrier;
        this.claimCounter = claimCounter;
        this.workers = workers;
    }

    Sequence progress() {
        return progress;
    }

    @Override
    protected void loop() {
        long available = Long.MIN_VALUE;
        long lastDone = progress.getPlain();
        for (;;) {
            if (barrier.isHalted()) {
                progress.setRelease(lastDone);
                return;
            }
            long first;
            long last;
            long taken = claimCounter.getAcquire();
            if (available > taken) { // a run is known ready: take a share of it with one compare-and-set
                last = Math.min(available, taken + runLength(available - taken));
                if (!claimCounter.compareAndSet(taken, last)) {
                    continue;
                }
                first = taken + 1;
            } else {                 // nothing known ready: take the next sequence, never retrying, and wait
                first = claimCounter.getAndAdd(1) + 1;
                last = first;
            }
            progress.setRelease(first - 1);
            signalProgress();
            while (available < last) {
                if (barrier.isFinished(last)) {
                    available = barrier.availableFor(last); // after a halt, finish a published claim
                    if (available < last) {
                        return;
                    }
                    break;
                }
                available = barrier.waitFor(last);
                if (available < last) {
                    Thread.interrupted(); // meaningless to a worker; cleared so waits block again
                }
            }
            aborted.refresh();
            failures.upstream().refresh();
            for (long s = first; s <= last; s++) {
                if (!handle(s, last)) {
                    progress.setRelease(s);
                    return;
                }
            }
            lastDone = last;
        }
    }

    /** The run a worker takes when {@code ready} events wait: its share, at most {@link #MAX_RUN}. */
    private long runLength(long ready) {
        return Math.min(MAX_RUN, Math.max(1, ready / workers));
    }

    /** Handles one claimed sequence (or skips it: aborted, failed upstream); false if the bus must halt. */
    private boolean handle(long s, long last) {
        if (failures.upstream().failedUpstream(s)) {
            failures.own().mark(s);
            failures.countSkip(s);
        } else if (!aborted.isAborted(s)) {
            int outcome = guard.deliver(handler, ring.get(s), s, s == last, barrier, haltBus);
            if (outcome == FailureGuard.HALTED) {
                return false;
            }
            if (outcome == FailureGuard.FAILED) {
                failures.own().mark(s);
            }
            countBatch(1); // a pool counts events handled, not slots skipped
        }
        return true;
    }

    /** The worker's handler in the shape every stage loop runs: each event is a batch of one. */
    private static <E> EventHandler<E> asEventHandler(WorkHandler<? super E> work) {
        return new EventHandler<>() {
            @Override
            public void onEvent(E event, long sequence, boolean endOfBatch) throws Exception {
                work.onEvent(event, sequence);
            }

            @Override
            public void onStart() throws Exception {
                work.onStart();
            }

            @Override
            public void onShutdown() throws Exception {
                work.onShutdown();
            }
        };
    }
}
