package io.ringbus;

import io.ringbus.internal.consumer.BroadcastNode;
import io.ringbus.internal.consumer.PollerNode;
import io.ringbus.internal.consumer.StageContext;
import io.ringbus.internal.consumer.StageNode;
import io.ringbus.internal.consumer.Topology;
import io.ringbus.internal.consumer.WorkerPoolNode;
import io.ringbus.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Turns stage specs into graph nodes with the bus's defaults filled in. Checks every name and handler of a
 * call before adding anything, so a rejected call leaves the graph as it was. Callers serialise calls.
 */
final class GraphBuilder<E> {
    private final RingBusBuilder<E> config;
    private final Topology topology;
    private final StageContext<E> context;
    private final Set<String> names = new HashSet<>();
    private final Set<Object> handlers = Collections.newSetFromMap(new IdentityHashMap<>());

    GraphBuilder(RingBusBuilder<E> config, Topology topology, StageContext<E> context) {
        this.config = config;
        this.topology = topology;
        this.context = context;
    }

    List<StageNode> broadcast(List<StageNode> upstream, List<StageSpec<E>> specs) {
        if (specs.isEmpty()) {
            throw new IllegalArgumentException("handlers must not be empty");
        }
        List<String> stageNames = new ArrayList<>();
        List<Object> stageHandlers = new ArrayList<>();
        for (StageSpec<E> spec : specs) {
            stageNames.add(spec.name() != null ? spec.name() : defaultName(spec.handler(), stageNames.size()));
            stageHandlers.add(spec.handler());
        }
        register(stageNames, stageHandlers);
        List<StageNode> added = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            StageSpec<E> spec = specs.get(i);
            int maxBatch = spec.maxBatchSize() > 0 ? spec.maxBatchSize() : config.maxBatchSize;
            added.add(new BroadcastNode<E>(stageNames.get(i), upstream, orDefault(spec.waitStrategy()), context,
                    spec.handler(), orDefault(spec.exceptionPolicy()), maxBatch, spec.failedEventsVisible(),
                    spec.idleTimeoutNanos()));
        }
        added.forEach(topology::add);
        return added;
    }

    StageNode pool(List<StageNode> upstream, WorkerPoolSpec<E> pool) {
        String name = pool.name() != null ? pool.name() : "pool-" + topology.nodes().size();
        register(List.of(name), new ArrayList<>(pool.handlers()));
        StageNode node = new WorkerPoolNode<>(name, upstream, orDefault(pool.waitStrategy()), context,
                pool.handlers(), pool.workerWaitStrategies(), pool.keyFunction(), orDefault(pool.exceptionPolicy()));
        topology.add(node);
        return node;
    }

    PollerNode<E> poller(List<StageNode> upstream, String name) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        register(List.of(name), List.of());
        PollerNode<E> node = new PollerNode<>(name, upstream, context, config.exceptionPolicy);
        topology.add(node);
        return node;
    }

    private String defaultName(Object handler, int offset) {
        Class<?> type = handler.getClass();
        String simple = type.isSynthetic() || type.isAnonymousClass() ? "" : type.getSimpleName();
        return (simple.isEmpty() ? "stage" : simple) + "-" + (topology.nodes().size() + offset);
    }

    private void register(List<String> newNames, List<Object> newHandlers) {
        Set<String> seenNames = new HashSet<>(names);
        for (String n : newNames) {
            if (!seenNames.add(n)) {
                throw new IllegalArgumentException("stage name must be unique within the bus: " + n);
            }
        }
        Set<Object> seenHandlers = Collections.newSetFromMap(new IdentityHashMap<>());
        seenHandlers.addAll(handlers);
        for (Object h : newHandlers) {
            if (!seenHandlers.add(h)) {
                throw new IllegalArgumentException("handler must not be added twice to a bus: " + h);
            }
        }
        names.addAll(newNames);
        handlers.addAll(newHandlers);
    }

    private WaitStrategy orDefault(WaitStrategy strategy) {
        return strategy != null ? strategy : config.waitStrategy;
    }

    private ExceptionPolicy<? super E> orDefault(ExceptionPolicy<? super E> policy) {
        return policy != null ? policy : config.exceptionPolicy;
    }
}
