package io.ringbus.internal.consumer;

import io.ringbus.ExceptionPolicy;
import io.ringbus.WorkHandler;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A worker pool in the graph: N threads, each event handled by exactly one. Its progress is every worker's
 * sequence, so a downstream stage or the producer passes event s only when the worker that had it is done.
 * Work-sharing workers take the next unclaimed sequence; key-partitioned workers each read every event and
 * handle their own keys.
 */
public final class WorkerPoolNode<E> extends StageNode {
    private final List<StageLoop<E>> workers = new ArrayList<>();
    private final List<Sequence> progress = new ArrayList<>();
    private final List<KeyedWorkAdapter<E>> keyed = new ArrayList<>();
    private final FailureGuard<E> guard;

    public WorkerPoolNode(String name, List<StageNode> upstream, WaitStrategy poolStrategy, StageContext<E> context,
                          List<WorkHandler<? super E>> handlers, List<WaitStrategy> workerStrategies,
                          ToLongFunction<? super E> key, ExceptionPolicy<? super E> policy) {
        super(name, upstream, resolve(workerStrategies, poolStrategy));
        this.guard = new FailureGuard<>(policy, name);
        Sequence claimCounter = new Sequence();
        List<WaitStrategy> strategies = waitStrategies();
        for (int i = 0; i < handlers.size(); i++) {
            String workerName = name + "-" + i;
            StageBarrier barrier = context.barrier(upstream, strategies.get(i), Integer.MAX_VALUE);
            if (key == null) {
                WorkerProcessor<E> w = new WorkerProcessor<>(workerName, context, barrier, claimCounter,
                        handlers.size(), handlers.get(i), guard, context.failures(this, upstream, false, 0, 1));
                workers.add(w);
                progress.add(w.progress());
            } else {
                KeyedWorkAdapter<E> adapter = new KeyedWorkAdapter<>(handlers.get(i), key, i, handlers.size());
                BroadcastProcessor<E> w = new BroadcastProcessor<>(workerName, context, barrier, adapter, guard,
                        Integer.MAX_VALUE, context.failures(this, upstream, false, i, handlers.size()));
                keyed.add(adapter);
                workers.add(w);
                progress.add(w.sequence());
            }
        }
    }

    private static List<WaitStrategy> resolve(List<WaitStrategy> perWorker, WaitStrategy poolStrategy) {
        List<WaitStrategy> out = new ArrayList<>();
        for (WaitStrategy w : perWorker) {
            out.add(w != null ? w : poolStrategy);
        }
        return out;
    }

    @Override
    public Sequence[] progress() {
        return progress.toArray(new Sequence[0]);
    }

    @Override
    public List<? extends Runnable> threadBodies() {
        return List.copyOf(workers);
    }

    @Override
    void signalTargets(WaitStrategy[] strategies) {
        workers.forEach(w -> w.signalTargets(strategies));
    }

    @Override
    public long failures() {
        return guard.failures();
    }

    @Override
    public long batches() {
        return perWorkerEvents().stream().mapToLong(Long::longValue).sum();
    }

    /** Events each worker handled: the pool's balance. */
    @Override
    public List<Long> perWorkerEvents() {
        List<Long> counts = new ArrayList<>();
        if (keyed.isEmpty()) {
            workers.forEach(w -> counts.add(w.batches()));
        } else {
            keyed.forEach(k -> counts.add(k.handled()));
        }
        return counts;
    }

    @Override
    public List<StageCounters> counters() {
        return workers.stream().map(StageLoop::counters).toList();
    }

    @Override
    public String kind() {
        return keyed.isEmpty() ? "pool" : "keyed-pool";
    }
}
