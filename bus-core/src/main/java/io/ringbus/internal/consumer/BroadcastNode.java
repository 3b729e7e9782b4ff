package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.List;

/** A broadcast stage in the graph: one handler on one thread. */
public final class BroadcastNode<E> extends StageNode {
    private final BroadcastProcessor<E> processor;

    public BroadcastNode(String name, List<StageNode> upstream, WaitStrategy waitStrategy, StageContext<E> context,
                         EventHandler<? super E> handler, ExceptionPolicy<? super E> policy, int maxBatchSize,
                         boolean seesFailedEvents, long idleTimeoutNanos) {
        super(name, upstream, List.of(waitStrategy));
        StageBarrier barrier = context.barrier(upstream, waitStrategy, maxBatchSize);
        barrier.idleTimeout(idleTimeoutNanos);
        this.processor = new BroadcastProcessor<>(name, context, barrier, handler, new FailureGuard<>(policy, name),
                maxBatchSize, context.failures(this, upstream, seesFailedEvents, 0, 1));
    }

    @Override
    public Sequence[] progress() {
        return new Sequence[] {processor.sequence()};
    }

    @Override
    public List<? extends Runnable> threadBodies() {
        return List.of(processor);
    }

    @Override
    void signalTargets(WaitStrategy[] strategies) {
        processor.signalTargets(strategies);
    }

    @Override
    public long failures() {
        return processor.guard().failures();
    }

    @Override
    public long batches() {
        return processor.batches();
    }

    @Override
    public List<StageCounters> counters() {
        return List.of(processor.counters());
    }

    @Override
    public String kind() {
        return "broadcast";
    }
}
