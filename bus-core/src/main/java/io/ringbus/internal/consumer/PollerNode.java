package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.List;

/**
 * A pull stage: the user's thread calls {@link #poll}. It never waits, so it needs no wait strategy; it gates
 * downstream stages and the producer like any other stage, and a close waits for it to catch up.
 */
public final class PollerNode<E> extends StageNode {
    /** What a poll found; mirrored by the public {@code PollState}. */
    public enum Outcome { PROCESSED, IDLE, GATED, CLOSED }

    private final RingStorage<E> ring;
    private final Sequencer sequencer;
    private final StageBarrier barrier;
    private final FailureGuard<E> guard;
    private final Runnable haltBus;
    private final Sequence sequence = new Sequence();
    private final boolean firstStage;
    private WaitStrategy[] toSignal = new WaitStrategy[0];
    private final AbortedSlots aborted;
    private final Failures failures;
    /** The thread that polls, and whether it is inside a handler now; plain: only that thread's own reads matter. */
    private Thread pollingThread;
    private boolean inPoll;

    public PollerNode(String name, List<StageNode> upstream, StageContext<E> context, ExceptionPolicy<? super E> policy) {
        super(name, upstream, List.of());
        this.ring = context.ring();
        this.sequencer = context.sequencer();
        this.barrier = context.barrier(upstream, null, Integer.MAX_VALUE);
        this.guard = new FailureGuard<>(policy, name);
        this.haltBus = context.haltBus();
        this.firstStage = upstream.isEmpty();
        this.aborted = new AbortedSlots(ring, sequencer, barrier.counters());
        this.failures = context.failures(this, upstream, false, 0, 1);
    }

    /** Handles up to {@code limit} ready events on the caller's thread. One thread at a time. */
    public Outcome poll(EventHandler<? super E> handler, int limit) {
        Thread current = Thread.currentThread();
        if (pollingThread != current) {
            pollingThread = current; // written only when the polling thread changes
        }
        long next = sequence.getPlain() + 1;
        if (barrier.isFinished(next)) {
            return Outcome.CLOSED;
        }
        long available = barrier.availableFor(next, limit);
        if (available < next) {
            return !firstStage && sequencer.highestReady(next, next) >= next ? Outcome.GATED : Outcome.IDLE;
        }
        long end = Math.min(available, next + limit - 1);
        aborted.refresh();
        failures.upstream().refresh();
        long lastEvent = end;
        while (lastEvent >= next && (aborted.isAborted(lastEvent) || failures.upstream().failedUpstream(lastEvent))) {
            lastEvent--;
        }
        long done = end;
        inPoll = true;
        try {
            for (long s = next; s <= end; s++) {
                if (aborted.isAborted(s)) {
                    continue;
                }
                if (failures.upstream().failedUpstream(s)) {
                    failures.own().mark(s);
                    failures.countSkip(s);
                    continue;
                }
                int outcome = guard.deliver(handler, ring.get(s), s, s == lastEvent, barrier, haltBus);
                if (outcome == FailureGuard.FAILED) {
                    failures.own().mark(s);
                } else if (outcome == FailureGuard.HALTED) {
                    done = s;
                    break;
                }
            }
        } catch (Throwable escaped) {
            haltBus.run(); // as on a stage thread: never leave producers waiting for a poller that failed
            throw escaped;
        } finally {
            inPoll = false;
        }
        sequence.setRelease(done);
        barrier.counters().onBatch(done - next + 1);
        for (WaitStrategy w : toSignal) {
            w.signalAll();
        }
        return Outcome.PROCESSED;
    }

    /**
     * True if the calling thread is this poller's thread and a wait for the poller to reach {@code target}
     * could only end once this thread polls again: it is inside a poll handler, or the poller is behind.
     */
    public boolean blocksCallerWaitingFor(long target) {
        return Thread.currentThread() == pollingThread && (inPoll || sequence.getAcquire() < target);
    }

    /** True if the calling thread is inside a poll handler of this poller. */
    public boolean callerIsPolling() {
        return Thread.currentThread() == pollingThread && inPoll;
    }

    @Override
    public Sequence[] progress() {
        return new Sequence[] {sequence};
    }

    @Override
    public List<? extends Runnable> threadBodies() {
        return List.of();
    }

    @Override
    void signalTargets(WaitStrategy[] strategies) {
        this.toSignal = strategies.clone();
    }

    @Override
    public long failures() {
        return guard.failures();
    }

    @Override
    public long batches() {
        return barrier.counters().batches();
    }

    @Override
    public List<StageCounters> counters() {
        return List.of(barrier.counters());
    }

    @Override
    public String kind() {
        return "poller";
    }
}
