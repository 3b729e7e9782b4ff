package io.ringbus.internal.consumer;

import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.List;

/**
 * One stage of the graph, whatever its kind: a broadcast stage, a worker pool or a poller. The graph needs
 * only what it waits on, what others wait on (its progress sequences), and the threads it runs.
 */
public abstract class StageNode {
    private final String name;
    private final List<StageNode> upstream;
    private final List<WaitStrategy> waitStrategies;
    private final FailedEvents failedEvents = new FailedEvents();

    protected StageNode(String name, List<StageNode> upstream, List<WaitStrategy> waitStrategies) {
        this.name = name;
        this.upstream = List.copyOf(upstream);
        this.waitStrategies = List.copyOf(waitStrategies);
    }

    public final String name() {
        return name;
    }

    public final List<StageNode> upstream() {
        return upstream;
    }

    /** The strategies this stage's threads wait with; signalled when an upstream stage or the producer advances. */
    public final List<WaitStrategy> waitStrategies() {
        return waitStrategies;
    }

    /**
     * What downstream stages and the producer wait on: one sequence for a broadcast stage or a poller, one per
     * worker for a pool. Event s is done by this stage once every one of them is at least s. For a stage
     * with threads, the i-th sequence is the progress of the i-th {@link #threadBodies() thread body}.
     */
    public abstract Sequence[] progress();

    /** The bodies of this stage's threads, in order; empty for a poller, which runs on the user's thread. */
    public abstract List<? extends Runnable> threadBodies();

    /** Whom to wake after this stage advances. Called once before start. */
    abstract void signalTargets(WaitStrategy[] strategies);

    /** The events this stage failed on or skipped, for the stages after it. */
    final FailedEvents failedEvents() {
        return failedEvents;
    }

    /** Events skipped here because a stage this one runs after had failed on them. */
    public final long skipped() {
        return failedEvents.skipped();
    }

    /** Failures routed to this stage's exception policy. */
    public abstract long failures();

    /** Batches handled (for a pool, events handled). */
    public abstract long batches();

    /** The counters of each of this stage's threads (a poller: its caller's), in thread order. */
    public abstract List<StageCounters> counters();

    /** Events each worker handled, for pools; empty for other kinds. */
    public List<Long> perWorkerEvents() {
        return List.of();
    }

    /** A short kind name for reports: "broadcast", "pool", "keyed-pool", "poller". */
    public abstract String kind();

    /** The lowest progress of this stage: every event up to it is done here. */
    public final long minimumProgress() {
        long min = Long.MAX_VALUE;
        for (Sequence s : progress()) {
            min = Math.min(min, s.getAcquire());
        }
        return min;
    }
}
