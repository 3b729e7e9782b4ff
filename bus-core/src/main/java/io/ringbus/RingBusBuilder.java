package io.ringbus;

import io.ringbus.internal.ring.RingCapacity;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Configures a {@link RingBus}. Every setter validates its argument at once and names it in the exception.
 * The defaults are safe: a parking wait strategy (no idle core burnt), blocking claims, log-and-continue on
 * handler exceptions, daemon threads, and a 30 s limit on {@code close()}.
 *
 * @param <E> the event type
 */
public final class RingBusBuilder<E> {
    /** Default ring size. */
    public static final int DEFAULT_CAPACITY = 1024;
    /** Default limit of a plain {@code close()}. */
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** Default period of the counters file updates. */
    public static final Duration DEFAULT_COUNTERS_INTERVAL = Duration.ofMillis(100);
    /** Default shortest wait for room reported as a {@code io.ringbus.ProducerStall} JFR event. */
    public static final Duration DEFAULT_PRODUCER_STALL_EVENT_THRESHOLD = Duration.ofMillis(1);

    final EventFactory<E> factory;
    RingCapacity capacity = RingCapacity.of(DEFAULT_CAPACITY);
    ProducerMode producerMode = ProducerMode.SINGLE;
    WaitStrategy waitStrategy = new ParkingWaitStrategy();
    WaitStrategy producerWaitStrategy = new ParkingWaitStrategy();
    OverflowPolicy overflowPolicy = OverflowPolicy.block();
    ExceptionPolicy<? super E> exceptionPolicy = ExceptionPolicy.logAndContinue();
    int maxBatchSize = Integer.MAX_VALUE;
    StageThreadFactory threadFactory = (info, body) -> daemonThread(body);
    String name = "ringbus";
    Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;
    boolean producersStopBeforeClose;
    boolean strictSingleProducer;
    boolean checkPublishes = true;
    boolean collectCounters = true;
    Path countersDir;
    Duration countersInterval = DEFAULT_COUNTERS_INTERVAL;
    Duration stallTimeout;
    StallListener stallListener;
    Duration producerStallEventThreshold = DEFAULT_PRODUCER_STALL_EVENT_THRESHOLD;

    RingBusBuilder(EventFactory<E> factory) {
        this.factory = Objects.requireNonNull(factory, "eventFactory");
    }

    /** @param slots a power of 2 in [1, 2^30] */
    public RingBusBuilder<E> capacity(int slots) {
        this.capacity = RingCapacity.of(slots);
        return this;
    }

    public RingBusBuilder<E> producerMode(ProducerMode mode) {
        this.producerMode = Objects.requireNonNull(mode, "producerMode");
        return this;
    }

    /** The default wait strategy of stages that do not set their own. */
    public RingBusBuilder<E> waitStrategy(WaitStrategy strategy) {
        this.waitStrategy = Objects.requireNonNull(strategy, "waitStrategy");
        return this;
    }

    /** How a producer waits while the ring is full. */
    public RingBusBuilder<E> producerWaitStrategy(WaitStrategy strategy) {
        this.producerWaitStrategy = Objects.requireNonNull(strategy, "producerWaitStrategy");
        return this;
    }

    /** What {@code claim()} does while the ring is full. */
    public RingBusBuilder<E> overflowPolicy(OverflowPolicy policy) {
        this.overflowPolicy = Objects.requireNonNull(policy, "overflowPolicy");
        return this;
    }

    /** The default exception policy of stages that do not set their own. */
    public RingBusBuilder<E> exceptionPolicy(ExceptionPolicy<? super E> policy) {
        this.exceptionPolicy = Objects.requireNonNull(policy, "exceptionPolicy");
        return this;
    }

    /** @param size the most events a stage handles before publishing its progress; &gt;= 1 */
    public RingBusBuilder<E> maxBatchSize(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("maxBatchSize must be >= 1: " + size);
        }
        this.maxBatchSize = size;
        return this;
    }

    /**
     * Creates the stage threads; the bus names each one {@code <bus name>-<stage name>}. Replaces any
     * {@link #stageThreadFactory(StageThreadFactory)}.
     */
    public RingBusBuilder<E> threadFactory(ThreadFactory factory) {
        Objects.requireNonNull(factory, "threadFactory");
        this.threadFactory = (info, body) -> factory.newThread(body);
        return this;
    }

    /**
     * Creates the stage threads knowing which stage and worker each is for, to place them (pin them to cores,
     * for instance). Replaces any {@link #threadFactory(ThreadFactory)}; the bus names each thread as there.
     */
    public RingBusBuilder<E> stageThreadFactory(StageThreadFactory factory) {
        this.threadFactory = Objects.requireNonNull(factory, "stageThreadFactory");
        return this;
    }

    /** The bus name: the prefix of its thread names. */
    public RingBusBuilder<E> name(String busName) {
        Objects.requireNonNull(busName, "name");
        if (busName.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        this.name = busName;
        return this;
    }

    /**
     * How long a plain {@code close()} may drain before it halts; positive. A very long duration, up to
     * {@code ChronoUnit.FOREVER.getDuration()}, means the close waits as long as the drain takes.
     */
    public RingBusBuilder<E> shutdownTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "shutdownTimeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("shutdownTimeout must be > 0: " + timeout);
        }
        this.shutdownTimeout = timeout;
        return this;
    }

    /**
     * A promise that producers stop before {@code close()}: each producer's last call happens-before the
     * close (it closes the bus itself, or the closing thread joined it), as the Disruptor requires of its
     * {@code shutdown()}. A {@link ProducerMode#SINGLE} claim then needs no StoreLoad fence, which is worth
     * up to a third of one producer's throughput when it claims one slot at a time. Default false: a close
     * may race producers on any thread, and every event whose publish returned is delivered.
     *
     * <p>If a close races a SINGLE producer anyway, it is best effort: close lets the claim cursor settle for
     * 1 ms, and if it still sees a claim above its drain target after the stages stopped, the report says
     * the bus was not drained and the loss is logged. MULTI claims are exact either way.
     */
    public RingBusBuilder<E> producersStopBeforeClose(boolean promise) {
        this.producersStopBeforeClose = promise;
        return this;
    }

    /**
     * Strict checking of the {@link ProducerMode#SINGLE} role, for tests and debugging: every claim takes the
     * role with a compare-and-set and the publish of everything claimed releases it, so any overlap of two
     * threads' claim-to-publish windows is rejected, and a hand-off through the role is itself a
     * happens-before edge. Costs two atomic operations per claim and publish cycle. Default false: only a
     * change of thread is checked (see {@link ProducerMode#SINGLE}).
     */
    public RingBusBuilder<E> strictSingleProducer(boolean strict) {
        this.strictSingleProducer = strict;
        return this;
    }

    /**
     * Whether a {@link ProducerMode#MULTI} publish checks its caller first: that the sequence was claimed
     * (a read of the claim cursor, which every claim writes) and not yet published (a read of each slot state,
     * which the stages read). Default true: publishing twice or an unclaimed sequence throws
     * {@link IllegalStateException} and changes nothing. False skips both reads, for producers that only ever
     * publish what they claimed, once; such a misuse is then undefined (it may deliver a stale or torn event),
     * though a bad range and a publish past a close are still refused. SINGLE mode always checks: its checks
     * read only the producer's own lines.
     */
    public RingBusBuilder<E> checkPublishes(boolean check) {
        this.checkPublishes = check;
        return this;
    }

    /**
     * Whether stage threads keep their per-batch counters (events, largest batch, wake-ups, aborts seen):
     * a few plain and opaque stores per batch. Default true. Off, those counters stay 0 and everything else
     * (sequences, lag, batches, failures, producer counters, the counters file, the watchdog) still works:
     * the switch for measuring what the counters cost.
     */
    public RingBusBuilder<E> collectCounters(boolean collect) {
        this.collectCounters = collect;
        return this;
    }

    /**
     * Exports the counters to a memory-mapped file {@code <dir>/<bus name>.counters}, readable from another
     * process with {@code io.ringbus.stat.CountersReader} or the {@code ringbus-stat} command. A low-priority
     * daemon thread copies the counters into it every {@link #countersInterval(Duration) interval}, so the
     * stages pay nothing more. The directory must exist; a file of that name is replaced. Off by default.
     */
    public RingBusBuilder<E> counters(Path dir) {
        this.countersDir = Objects.requireNonNull(dir, "countersDir");
        return this;
    }

    /** How often the counters file is updated and its heartbeat bumped; in [1 ms, 1 min]. */
    public RingBusBuilder<E> countersInterval(Duration interval) {
        Objects.requireNonNull(interval, "countersInterval");
        if (interval.compareTo(Duration.ofMillis(1)) < 0 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("countersInterval must be in [1 ms, 1 min]: " + interval);
        }
        this.countersInterval = interval;
        return this;
    }

    /**
     * Turns on the stall watchdog: a stage with events ready that has not advanced for {@code timeout} is
     * reported once per episode, through a log line, its {@code stalls} counter, a {@code io.ringbus.StageStall}
     * JFR event and {@code listener}. It reads the stages' sequences from the bus's monitor thread, so the
     * stages pay nothing. Off by default.
     *
     * @param timeout  how long a stage with a backlog may stand still; in [1 ms, 1 day]
     * @param listener told of each episode, on the monitor thread
     */
    public RingBusBuilder<E> stallWatchdog(Duration timeout, StallListener listener) {
        Objects.requireNonNull(timeout, "stallTimeout");
        Objects.requireNonNull(listener, "stallListener");
        if (timeout.compareTo(Duration.ofMillis(1)) < 0 || timeout.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("stallTimeout must be in [1 ms, 1 day]: " + timeout);
        }
        this.stallTimeout = timeout;
        this.stallListener = listener;
        return this;
    }

    /** The shortest wait for room reported as a {@code io.ringbus.ProducerStall} JFR event; &gt;= 0. */
    public RingBusBuilder<E> producerStallEventThreshold(Duration threshold) {
        Objects.requireNonNull(threshold, "producerStallEventThreshold");
        if (threshold.isNegative()) {
            throw new IllegalArgumentException("producerStallEventThreshold must be >= 0: " + threshold);
        }
        this.producerStallEventThreshold = threshold;
        return this;
    }

    /**
     * Builds the bus and fills the ring from the event factory. Add stages, then {@code start()}.
     *
     * @throws IllegalStateException if strictSingleProducer is set on a MULTI bus
     */
    public RingBus<E> build() {
        if (strictSingleProducer && producerMode != ProducerMode.SINGLE) {
            throw new IllegalStateException("strictSingleProducer applies to ProducerMode.SINGLE only, not " + producerMode);
        }
        return new RingBus<>(this);
    }

    private static Thread daemonThread(Runnable body) {
        Thread t = new Thread(body);
        t.setDaemon(true);
        return t;
    }
}
