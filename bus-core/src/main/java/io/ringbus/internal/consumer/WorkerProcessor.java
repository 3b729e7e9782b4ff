package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.WorkHandler;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * One worker of a work-sharing pool. Workers take sequences from a shared claim counter with an atomic add,
 * so each event goes to exactly one worker.
 *
 * <p>Gating: a worker's progress is {@code claimed - 1}, raised only when it takes its next claim. While it
 * handles s its progress is below s, and every sequence below its claim was taken by some worker whose own
 * progress is below it until done; so the minimum over the pool's workers never passes an event still being
 * handled. A worker that claims beyond the drain target has nothing left to do and stops; after a halt, a
 * worker still finishes an event it claimed that was already published, so no claimed event is dropped.
 */
final class WorkerProcessor<E> extends StageLoop<E> {
    private final RingStorage<E> ring;
    private final AbortedSlots aborted;
    private final Failures failures;
    private final StageBarrier barrier;
    private final Sequence claimCounter;
    private final Sequence progress = new Sequence();

    WorkerProcessor(String name, StageContext<E> context, StageBarrier barrier, Sequence claimCounter,
                    WorkHandler<? super E> handler, FailureGuard<E> guard, Failures failures) {
        super(name, asEventHandler(handler), guard, context.haltBus(), barrier.counters());
        this.ring = context.ring();
        this.aborted = new AbortedSlots(ring, context.sequencer(), barrier.counters());
        this.failures = failures;
        this.barrier = barrier;
        this.claimCounter = claimCounter;
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
            long claimed = claimCounter.getAndAdd(1) + 1;
            progress.setRelease(claimed - 1);
            signalProgress();
            while (available < claimed) {
                if (barrier.isFinished(claimed)) {
                    available = barrier.availableFor(claimed); // after a halt, finish a published claim
                    if (available < claimed) {
                        return;
                    }
                    break;
                }
                available = barrier.waitFor(claimed);
                if (available < claimed) {
                    Thread.interrupted(); // meaningless to a worker; cleared so waits block again
                }
            }
            aborted.refresh();
            failures.upstream().refresh();
            if (failures.upstream().failedUpstream(claimed)) {
                failures.own().mark(claimed);
                failures.countSkip(claimed);
            } else if (!aborted.isAborted(claimed)) {
                int outcome = guard.deliver(handler, ring.get(claimed), claimed, true, barrier, haltBus);
                if (outcome == FailureGuard.HALTED) {
                    progress.setRelease(claimed);
                    return;
                }
                if (outcome == FailureGuard.FAILED) {
                    failures.own().mark(claimed);
                }
                countBatch(1); // a pool counts events handled, not slots skipped
            }
            lastDone = claimed;
        }
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
