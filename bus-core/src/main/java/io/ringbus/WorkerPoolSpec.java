package io.ringbus;

import io.ringbus.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * A worker pool stage: N workers, one handler and one thread each, and every event handled by exactly one of
 * them. By default workers share the events as they come (each takes the next unclaimed one). With
 * {@link #partitionBy} a key picks the worker, so that events with the same key keep their order.
 *
 * <pre>{@code
 * bus.handleEventsWithWorkerPool(WorkerPoolSpec.of(4, Classifier::new).named("classify")
 *         .partitionBy(packet -> packet.flowHash));
 * }</pre>
 *
 * @param <E> the event type
 */
public final class WorkerPoolSpec<E> {
    private final List<WorkHandler<? super E>> handlers;
    private final List<WaitStrategy> workerStrategies;
    private String name;
    private WaitStrategy waitStrategy;
    private ExceptionPolicy<? super E> exceptionPolicy;
    private ToLongFunction<? super E> keyFunction;

    private WorkerPoolSpec(List<WorkHandler<? super E>> handlers) {
        this.handlers = handlers;
        this.workerStrategies = new ArrayList<>(Collections.nCopies(handlers.size(), (WaitStrategy) null));
    }

    /** One worker per handler; the handlers must be distinct objects. */
    public static <E> WorkerPoolSpec<E> of(List<? extends WorkHandler<? super E>> handlers) {
        Objects.requireNonNull(handlers, "handlers");
        if (handlers.isEmpty()) {
            throw new IllegalArgumentException("workers must be >= 1: a pool needs at least one handler");
        }
        List<WorkHandler<? super E>> copy = new ArrayList<>();
        for (WorkHandler<? super E> h : handlers) {
            copy.add(Objects.requireNonNull(h, "handler"));
        }
        return new WorkerPoolSpec<>(copy);
    }

    /** {@code workers} workers, each with its own handler from {@code factory}. */
    public static <E> WorkerPoolSpec<E> of(int workers, Supplier<? extends WorkHandler<? super E>> factory) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1: " + workers);
        }
        Objects.requireNonNull(factory, "factory");
        List<WorkHandler<? super E>> list = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            list.add(Objects.requireNonNull(factory.get(), "factory returned null for worker " + i));
        }
        return of(list);
    }

    public WorkerPoolSpec<E> named(String poolName) {
        Objects.requireNonNull(poolName, "name");
        if (poolName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = poolName;
        return this;
    }

    /** The wait strategy of every worker that has none of its own. */
    public WorkerPoolSpec<E> waitStrategy(WaitStrategy strategy) {
        this.waitStrategy = Objects.requireNonNull(strategy, "waitStrategy");
        return this;
    }

    /** The wait strategy of worker {@code index} alone. */
    public WorkerPoolSpec<E> workerWaitStrategy(int index, WaitStrategy strategy) {
        if (index < 0 || index >= handlers.size()) {
            throw new IllegalArgumentException("index must be in [0, workers=" + handlers.size() + "): " + index);
        }
        workerStrategies.set(index, Objects.requireNonNull(strategy, "waitStrategy"));
        return this;
    }

    public WorkerPoolSpec<E> exceptionPolicy(ExceptionPolicy<? super E> policy) {
        this.exceptionPolicy = Objects.requireNonNull(policy, "exceptionPolicy");
        return this;
    }

    /**
     * Routes each event to the worker its key picks, so events with the same key keep their order. Every worker
     * computes every event's key; if the function throws, the failure goes to the pool's exception policy once,
     * as one failure of that event, and no worker handles it.
     */
    public WorkerPoolSpec<E> partitionBy(ToLongFunction<? super E> key) {
        this.keyFunction = Objects.requireNonNull(key, "keyFunction");
        return this;
    }

    List<WorkHandler<? super E>> handlers() {
        return Collections.unmodifiableList(handlers);
    }

    /** Per worker: its own strategy, or null for the pool's. */
    List<WaitStrategy> workerWaitStrategies() {
        return Collections.unmodifiableList(workerStrategies);
    }

    String name() {
        return name;
    }

    WaitStrategy waitStrategy() {
        return waitStrategy;
    }

    ExceptionPolicy<? super E> exceptionPolicy() {
        return exceptionPolicy;
    }

    ToLongFunction<? super E> keyFunction() {
        return keyFunction;
    }
}
