package io.ringbus;

import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import io.ringbus.testkit.PoolWait;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.TimedProducers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly-once for work-sharing pools: every event published by 1 (SINGLE) or 2 (MULTI) producers is handled by
 * exactly one of K workers, for K in {1, 2, 4}, every wait strategy and capacities 1, 2, 16 and 1024. Each
 * worker must also see strictly increasing sequences, and the pool's per-worker counts in {@code stats()} must
 * add up to what was published.
 *
 * <p>Every cell produces until it has published its event count or its time box is over, then closes and is
 * checked against what was really published, with at least one event as the minimum progress. Headline cells
 * (capacity 1024, two workers, or busy-spin with no more threads than cores) get the large count and a long
 * box; the rest get smaller counts and a 1 s box, and busy-spin cells with more spinners than cores 200 ms. Sizes come from
 * {@code ringbus.pool.headline}, {@code ringbus.pool.medium} and {@code ringbus.pool.small}.
 */
@Deadline(seconds = 60)
class WorkerPoolExactlyOnceTest {
    private static final long HEADLINE = Long.getLong("ringbus.pool.headline", 1_000_000);
    private static final long MEDIUM = Long.getLong("ringbus.pool.medium", 50_000);
    private static final long SMALL = Long.getLong("ringbus.pool.small", 10_000);
    /** For cells with more busy-spinning threads than cores, which crawl. */
    private static final long SPIN_TIME_BOX_MILLIS = 200;
    private static final long TIME_BOX_MILLIS = 1_000;
    private static final long HEADLINE_TIME_BOX_MILLIS = 5_000;
    private static final int CORES = 2;
    private static final AtomicInteger CELLS = new AtomicInteger();

    static Stream<Arguments> cells() {
        List<Arguments> cells = new ArrayList<>();
        for (int producers : new int[] {1, 2}) {
            for (int workers : new int[] {1, 2, 4}) {
                for (PoolWait wait : PoolWait.values()) {
                    for (int capacity : new int[] {1, 2, 16, 1024}) {
                        cells.add(Arguments.of(producers, workers, wait, capacity));
                    }
                }
            }
        }
        return cells.stream();
    }

    @ParameterizedTest(name = "producers={0} workers={1} {2} capacity={3}")
    @MethodSource("cells")
    void everyPublishedEventIsHandledByExactlyOneWorker(int producers, int workers, PoolWait wait, int capacity) {
        boolean oversubscribed = wait.holdsCore() && producers + workers > CORES;
        boolean headline = capacity == 1024 && (wait.holdsCore() ? !oversubscribed : workers == 2);
        long perProducer = (headline ? HEADLINE : capacity <= 2 ? SMALL : MEDIUM) / producers;
        long timeBox = headline ? HEADLINE_TIME_BOX_MILLIS : oversubscribed ? SPIN_TIME_BOX_MILLIS : TIME_BOX_MILLIS;
        String name = "pool-xo-" + CELLS.incrementAndGet();
        String cell = name + " [producers=" + producers + ", workers=" + workers + ", " + wait + ", capacity="
                + capacity + "]";

        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(capacity)
                .producerMode(producers == 1 ? ProducerMode.SINGLE : ProducerMode.MULTI)
                .waitStrategy(wait.create()).producerWaitStrategy(wait.create())
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        HitCounter hits = new HitCounter(producers, (int) perProducer);
        List<OracleWorker> handlers = new ArrayList<>();
        for (int i = 0; i < workers; i++) {
            handlers.add(new OracleWorker(hits));
        }
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(handlers).named("workers"));
        bus.start();

        TimedProducers producing;
        try {
            producing = TimedProducers.start(name, bus.publisher(), capacity, producers, perProducer, timeBox)
                    .join(30_000);
        } catch (Throwable t) {
            bus.halt();
            throw t;
        }
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);

        long[] published = producing.published();
        long total = producing.total();
        System.out.println(cell + ": " + total + " events published");
        assertTrue(report.drained(), cell + ": close did not drain: " + report);
        assertTrue(total > 0, cell + ": no event was published (livelock?)");
        assertEquals(List.of(), OracleWorker.errorsOf(handlers), cell + ": worker checks");
        assertEquals(List.of(), hits.exactlyOnceViolations(published), cell + ": exactly-once over " + total);

        StageStats pool = bus.stats().get(0);
        assertEquals("pool", pool.kind(), cell);
        assertEquals(workers, pool.workerEvents().size(), cell + ": one count per worker");
        assertEquals(total, pool.workerEvents().stream().mapToLong(Long::longValue).sum(),
                cell + ": stats workerEvents " + pool.workerEvents() + " must add up to the published events");
        assertEquals(total, handlers.stream().mapToLong(OracleWorker::handled).sum(), cell);
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000), cell + ": threads left alive");
    }

    /** Workers of one pool waiting in different ways: every one must be woken when its events arrive. */
    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void workersWithTheirOwnWaitStrategiesShareThePoolExactlyOnce(ProducerMode mode) {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        long perProducer = MEDIUM / producers;
        String name = "pool-xo-" + CELLS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).producerMode(mode)
                .producerWaitStrategy(PoolWait.BLOCKING.create()).shutdownTimeout(Duration.ofSeconds(20)).build();
        HitCounter hits = new HitCounter(producers, (int) perProducer);
        List<OracleWorker> handlers = List.of(new OracleWorker(hits), new OracleWorker(hits), new OracleWorker(hits));
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(handlers).named("workers")
                .waitStrategy(PoolWait.PARK.create())
                .workerWaitStrategy(0, PoolWait.BLOCKING.create())
                .workerWaitStrategy(2, PoolWait.YIELD.create()));
        bus.start();
        TimedProducers producing;
        try {
            producing = TimedProducers.start(name, bus.publisher(), 8, producers, perProducer, TIME_BOX_MILLIS * 3)
                    .join(30_000);
        } catch (Throwable t) {
            bus.halt();
            throw t;
        }
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        assertTrue(producing.total() > 0, "nothing was published");
        assertEquals(List.of(), OracleWorker.errorsOf(handlers));
        assertEquals(List.of(), hits.exactlyOnceViolations(producing.published()));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }
}
