package io.ringbus;

import io.ringbus.internal.consumer.StageNode;
import io.ringbus.internal.consumer.Topology;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A set of stages, to run further stages after. {@code then} builds pipelines; {@code and} joins groups, so
 * that the next stage runs after all of them: a diamond.
 *
 * <pre>{@code
 * StageGroup<Order> a = bus.handleEventsWith(risk);
 * StageGroup<Order> b = bus.handleEventsWith(journal);
 * a.and(b).then(matcher);          // matcher sees an order only after risk and journal both did
 * }</pre>
 *
 * @param <E> the event type
 */
public final class StageGroup<E> {
    private final RingBus<E> bus;
    private final List<StageNode> nodes;

    StageGroup(RingBus<E> bus, List<StageNode> nodes) {
        this.bus = bus;
        this.nodes = List.copyOf(nodes);
    }

    /** Adds one broadcast stage per handler, each running after every stage of this group. */
    @SafeVarargs
    public final StageGroup<E> then(EventHandler<? super E>... handlers) {
        List<StageSpec<E>> specs = new ArrayList<>();
        for (EventHandler<? super E> h : Objects.requireNonNull(handlers, "handlers")) {
            specs.add(StageSpec.of(h));
        }
        return bus.addStages(nodes, specs);
    }

    /** Like {@link #then(EventHandler[])}, with per-stage options. */
    @SafeVarargs
    public final StageGroup<E> then(StageSpec<E>... specs) {
        List<StageSpec<E>> list = new ArrayList<>();
        for (StageSpec<E> spec : Objects.requireNonNull(specs, "specs")) {
            list.add(Objects.requireNonNull(spec, "spec"));
        }
        return bus.addStages(nodes, list);
    }

    /** Adds a worker pool running after every stage of this group. */
    public StageGroup<E> thenWorkerPool(WorkerPoolSpec<E> pool) {
        return bus.addPool(nodes, pool);
    }

    /** Adds a poller running after every stage of this group. */
    public Poller<E> thenPoller(String name) {
        return bus.addPoller(nodes, name);
    }

    /** This group joined with {@code other}: stages added next run after both. */
    public StageGroup<E> and(StageGroup<E> other) {
        bus.checkOwn(other);
        return new StageGroup<>(bus, Topology.union(List.of(nodes, other.nodes)));
    }

    List<StageNode> nodes() {
        return nodes;
    }

    RingBus<E> bus() {
        return bus;
    }

    /** The stage names, for diagnostics. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StageGroup[");
        for (int i = 0; i < nodes.size(); i++) {
            sb.append(i == 0 ? "" : ", ").append(nodes.get(i).name());
        }
        return sb.append(']').toString();
    }
}
