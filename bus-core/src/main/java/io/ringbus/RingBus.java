package io.ringbus;

import io.ringbus.internal.consumer.PollerNode;
import io.ringbus.internal.consumer.StageContext;
import io.ringbus.internal.consumer.StageNode;
import io.ringbus.internal.consumer.StageRunner;
import io.ringbus.internal.consumer.Topology;
import io.ringbus.internal.jfr.BusEvents;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.lifecycle.Timeouts;
import io.ringbus.internal.producer.MultiProducerSequencer;
import io.ringbus.internal.producer.RingPublisher;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.producer.SingleProducerSequencer;
import io.ringbus.internal.ring.RingStorage;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock-free message bus over a preallocated ring: producers claim, fill and publish slots; stages handle
 * them in a fixed graph. See the {@code io.ringbus} package documentation for the ordering contract.
 *
 * <pre>{@code
 * RingBus<Order> bus = RingBus.builder(Order::new).capacity(1024).build();
 * bus.handleEventsWith(risk).then(matcher);
 * bus.start();
 * bus.publisher().publishEvent((order, seq, id) -> order.id = id, 42L);
 * bus.close();                      // delivers everything published, joins the threads
 * }</pre>
 *
 * <p>Wire the graph, then {@link #start()}; the graph is fixed from then on. Every lifecycle call is
 * idempotent and thread-safe.
 *
 * @param <E> the event type
 */
public final class RingBus<E> implements AutoCloseable {
    private final String name;
    private final RingBusBuilder<E> config;
    private final RunState run = new RunState();
    private final RingStorage<E> ring;
    private final Sequencer sequencer;
    private final Publisher<E> publisher;
    private final Topology topology = new Topology();
    private final GraphBuilder<E> graph;
    private final ReentrantLock lifecycle = new ReentrantLock();
    private final StageRunner runner;
    private final BusObservation observation;
    private ShutdownReport report;

    RingBus(RingBusBuilder<E> config) {
        this.config = config;
        this.name = config.name;
        this.ring = new RingStorage<>(config.capacity, config.factory::newInstance);
        this.sequencer = config.producerMode == ProducerMode.SINGLE
                ? new SingleProducerSequencer(ring, run, config.producerWaitStrategy,
                        !config.producersStopBeforeClose, config.strictSingleProducer)
                : new MultiProducerSequencer(ring, run, config.producerWaitStrategy, config.checkPublishes);
        this.sequencer.reportStalls(name, config.producerStallEventThreshold.toNanos());
        this.publisher = new RingPublisher<>(sequencer, ring, config.overflowPolicy);
        this.graph = new GraphBuilder<>(config, topology,
                new StageContext<>(ring, sequencer, run, this::halt, config.collectCounters));
        this.runner = new StageRunner(name, topology, sequencer, run, config.threadFactory);
        this.observation = new BusObservation(config, ring.capacity(), topology, sequencer, run);
    }

    /** Starts configuring a bus whose slots are filled by {@code factory}. */
    public static <E> RingBusBuilder<E> builder(EventFactory<E> factory) {
        return new RingBusBuilder<>(factory);
    }

    /** Adds one first-level broadcast stage per handler: each sees every published event. */
    @SafeVarargs
    public final StageGroup<E> handleEventsWith(EventHandler<? super E>... handlers) {
        List<StageSpec<E>> specs = new ArrayList<>();
        for (EventHandler<? super E> h : Objects.requireNonNull(handlers, "handlers")) {
            specs.add(StageSpec.of(h));
        }
        return addStages(List.of(), specs);
    }

    /** Like {@link #handleEventsWith(EventHandler[])}, with per-stage options. */
    @SafeVarargs
    public final StageGroup<E> handleEventsWith(StageSpec<E>... specs) {
        List<StageSpec<E>> list = new ArrayList<>();
        for (StageSpec<E> spec : Objects.requireNonNull(specs, "specs")) {
            list.add(Objects.requireNonNull(spec, "spec"));
        }
        return addStages(List.of(), list);
    }

    /** Adds a first-level worker pool: each published event goes to exactly one of its workers. */
    public StageGroup<E> handleEventsWithWorkerPool(WorkerPoolSpec<E> pool) {
        return addPool(List.of(), pool);
    }

    /** Adds a first-level poller, driven by a thread the caller owns. */
    public Poller<E> newPoller(String pollerName) {
        return addPoller(List.of(), pollerName);
    }

    /** A group of existing stages, to run further stages after all of them. */
    @SafeVarargs
    public final StageGroup<E> after(StageGroup<E>... groups) {
        List<List<StageNode>> all = new ArrayList<>();
        for (StageGroup<E> g : groups) {
            checkOwn(g);
            all.add(g.nodes());
        }
        return new StageGroup<>(this, Topology.union(all));
    }

    /**
     * Starts every stage on its own named thread. The graph is fixed from here on.
     *
     * @throws IllegalStateException if the bus was already started, has no stages, or the thread factory
     *         returned null (the bus is then still new); or if a stage thread failed to start, for instance
     *         with {@code OutOfMemoryError: unable to create native thread}. In that last case the message
     *         names the stage, the cause is what {@code Thread.start} threw, and the bus is halted: the threads
     *         that did start were joined (up to the shutdown timeout), and claims throw
     *         {@link BusClosedException}.
     */
    public void start() {
        lifecycle.lock();
        try {
            if (run.getAcquire() != RunState.NEW) {
                throw new IllegalStateException("start(): the bus was already started (" + RunState.name(run.getAcquire()) + ")");
            }
            if (topology.nodes().isEmpty()) {
                throw new IllegalStateException("start(): the bus has no stages; add at least one");
            }
            topology.wire(sequencer);
            observation.prepare();
            try {
                runner.start(Timeouts.toNanos(config.shutdownTimeout));
            } catch (RuntimeException | Error e) {
                observation.stop(); // the file says closed, not running with a dead heartbeat
                throw e;
            }
            observation.started();
        } finally {
            lifecycle.unlock();
        }
    }

    /** The publisher; in MULTI mode any thread may use it. Claims are rejected before start and after close. */
    public Publisher<E> publisher() {
        return publisher;
    }

    /**
     * Delivers every event published before this call, then joins the stage threads, waiting at most the
     * builder's shutdown timeout. On timeout it halts the bus and throws with the report.
     *
     * @throws IllegalStateException if the drain timed out; the bus is halted. Also, at once and with the bus
     *         still running, if called from a stage thread, from inside a poll handler, or from a poller's
     *         thread while that poller has events left: the close would wait for the caller itself
     */
    @Override
    public void close() {
        Duration limit = config.shutdownTimeout;
        long limitNanos = Timeouts.toNanos(limit);
        ShutdownReport r = close(limitNanos, TimeUnit.NANOSECONDS);
        if (r.timedOut()) {
            throw new IllegalStateException("close() timed out after " + limitNanos / 1_000_000 + " ms; bus halted: " + r);
        }
    }

    /**
     * Delivers every event published before this call, waiting at most {@code timeout}; then halts if
     * needed, joins the threads and reports what was left. Never hangs. Repeated calls return the first report.
     * A timeout too large to add to {@code System.nanoTime()} (such as {@code Long.MAX_VALUE} nanoseconds)
     * waits as long as the drain and the shutdown hooks take.
     *
     * @throws IllegalStateException at once, with the bus still running, if called from a stage thread, from
     *         inside a poll handler, or from a poller's thread while that poller has events left (see
     *         {@link Poller})
     */
    public ShutdownReport close(long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        if (timeout < 0) {
            throw new IllegalArgumentException("timeout must be >= 0: " + timeout);
        }
        runner.checkNotStageThread("close()");
        runner.checkNotPollingThread("close()");
        lifecycle.lock();
        try {
            if (report == null) {
                report = runner.close(unit.toNanos(timeout));
                observation.stop();
                BusEvents.closed(name, report);
            }
            return report;
        } finally {
            lifecycle.unlock();
        }
    }

    /**
     * Stops every stage at once, leaving undelivered events behind; blocked producers get
     * {@link BusClosedException}. Returns without waiting: use {@link #awaitTermination} or {@code close}.
     */
    public void halt() {
        runner.halt();
    }

    /** Waits until every stage thread has exited; true if they all did within the timeout. */
    public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
        Objects.requireNonNull(unit, "unit");
        return runner.awaitTermination(unit.toNanos(timeout));
    }

    /** True once the bus was closed or halted. */
    public boolean isStopped() {
        return run.getAcquire() >= RunState.CLOSING;
    }

    /** The highest claimed sequence; -1 before the first claim. */
    public long lastClaimedSequence() {
        return sequencer.claimedAcquire();
    }

    /** Nanoseconds producers spent waiting on a full ring, in total. */
    public long producerStallNanos() {
        return sequencer.stallNanos();
    }

    /** A snapshot of every stage's counters, in the order the stages were added. */
    public List<StageStats> stats() {
        return observation.stages();
    }

    /** A snapshot of the producer side's counters. */
    public ProducerStats producerStats() {
        return observation.producer();
    }

    /** The counters file this bus writes, once started with {@link RingBusBuilder#counters(Path)}; else null. */
    public Path countersFile() {
        return observation.countersFile();
    }

    public String name() {
        return name;
    }

    public int capacity() {
        return ring.capacity();
    }

    @Override
    public String toString() {
        return "RingBus{" + name + ", capacity=" + ring.capacity() + ", " + config.producerMode + ", "
                + RunState.name(run.getAcquire()) + ", stages=" + topology.nodes().size() + '}';
    }

    // ---- wiring, shared with StageGroup: serialised with start() and checked against it ----

    StageGroup<E> addStages(List<StageNode> upstream, List<StageSpec<E>> specs) {
        return new StageGroup<>(this, wire(() -> graph.broadcast(upstream, specs)));
    }

    StageGroup<E> addPool(List<StageNode> upstream, WorkerPoolSpec<E> pool) {
        Objects.requireNonNull(pool, "pool");
        return new StageGroup<>(this, wire(() -> List.of(graph.pool(upstream, pool))));
    }

    Poller<E> addPoller(List<StageNode> upstream, String pollerName) {
        Objects.requireNonNull(pollerName, "name");
        PollerNode<E> node = wire(() -> graph.poller(upstream, pollerName));
        return new Poller<>(this, node);
    }

    void checkOwn(StageGroup<E> group) {
        Objects.requireNonNull(group, "group");
        if (group.bus() != this) {
            throw new IllegalArgumentException("group belongs to another bus: " + group);
        }
    }

    private <T> T wire(java.util.function.Supplier<T> change) {
        lifecycle.lock();
        try {
            if (run.getAcquire() != RunState.NEW) {
                throw new IllegalStateException(
                        "the graph is fixed once the bus has started; add stages before start()");
            }
            return change.get();
        } finally {
            lifecycle.unlock();
        }
    }
}
