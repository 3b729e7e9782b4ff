package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import io.ringbus.testkit.PoolWait;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.TimedProducers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Shutdown of a pool of three: {@code close()} returns only after every published event was handled by exactly
 * one worker (checked the moment it returns), also right after publishing fewer events than the capacity and
 * while producers are still publishing; {@code halt()} racing busy workers leaves every event handled at most
 * once and no thread behind.
 */
@Deadline(seconds = 60)
class WorkerPoolShutdownTest {
    private static final int WORKERS = 3;
    private static final int MAX_PER_PRODUCER = 1_000_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static RingBus<OracleEvent> poolBus(String name, int capacity, ProducerMode mode, HitCounter hits,
                                                List<OracleWorker> workers) {
        return poolBus(name, capacity, mode, PoolWait.PARK, hits, workers);
    }

    private static RingBus<OracleEvent> poolBus(String name, int capacity, ProducerMode mode, PoolWait wait,
                                                HitCounter hits, List<OracleWorker> workers) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(capacity).producerMode(mode)
                .waitStrategy(wait.create()).producerWaitStrategy(wait.create())
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        for (int i = 0; i < WORKERS; i++) {
            workers.add(new OracleWorker(hits));
        }
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).named("W"));
        return bus;
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void closeReturnsOnlyAfterEveryEventWasHandledExactlyOnce(ProducerMode mode) {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        long perProducer = 50_000 / producers;
        String name = "pool-close-" + RUNS.incrementAndGet();
        HitCounter hits = new HitCounter(producers, (int) perProducer);
        List<OracleWorker> workers = new ArrayList<>();
        RingBus<OracleEvent> bus = poolBus(name, 64, mode, hits, workers);
        bus.start();
        assertEquals(List.of(name + "-W-0", name + "-W-1", name + "-W-2"), Threads.alive(name + "-W"),
                "one named daemon thread per worker");
        TimedProducers producing = TimedProducers.start(name, bus.publisher(), 64, producers, perProducer, 3_000)
                .join(30_000);
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
        // checked at once: close() must not return while a worker still has an event
        assertEquals(List.of(), hits.exactlyOnceViolations(producing.published()));
        assertTrue(report.drained() && !report.timedOut(), report.toString());
        assertEquals(0, report.remaining(), report.toString());
        assertTrue(producing.total() > 0);
        assertEquals(List.of(), OracleWorker.errorsOf(workers));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }

    @Test
    void closeRightAfterPublishingFewerEventsThanTheCapacityDrainsEverything() {
        SplittableRandom random = new SplittableRandom(517);
        for (int round = 0; round < 200; round++) {
            String name = "pool-517-" + RUNS.incrementAndGet();
            HitCounter hits = new HitCounter(1, 16);
            List<OracleWorker> workers = new ArrayList<>();
            RingBus<OracleEvent> bus = poolBus(name, 64, round % 2 == 0 ? ProducerMode.SINGLE : ProducerMode.MULTI,
                    hits, workers);
            bus.start();
            int events = 1 + random.nextInt(16);
            Publisher<OracleEvent> publisher = bus.publisher();
            for (int i = 0; i < events; i++) {
                long s = publisher.claim();
                publisher.get(s).fill(0, i);
                publisher.publish(s);
            }
            ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
            assertEquals(List.of(), hits.exactlyOnceViolations(events), "round " + round + ", " + events + " events");
            assertTrue(report.drained(), "round " + round + ": " + report);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive("pool-517-", 2_000));
    }

    static Stream<Arguments> modesAndWaits() {
        List<Arguments> out = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (PoolWait wait : new PoolWait[] {PoolWait.PARK, PoolWait.BLOCKING}) {
                out.add(Arguments.of(mode, wait));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndWaits")
    void haltRacingTheWorkersHandlesEachEventAtMostOnceAndLeavesNoThread(ProducerMode mode, PoolWait wait)
            throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        SplittableRandom random = new SplittableRandom(11);
        for (int round = 0; round < 10; round++) {
            String name = "pool-halt-" + RUNS.incrementAndGet();
            HitCounter hits = new HitCounter(producers, MAX_PER_PRODUCER);
            List<OracleWorker> workers = new ArrayList<>();
            RingBus<OracleEvent> bus = poolBus(name, 16, mode, wait, hits, workers);
            bus.start();
            List<AsyncCall<Long>> producing = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                producing.add(AsyncCall.start(name + "-producer-" + p, () -> publishUntilClosed(bus.publisher(), id)));
            }
            Thread.sleep(random.nextInt(5));
            bus.halt();
            long[] published = new long[producers];
            for (int p = 0; p < producers; p++) {
                published[p] = producing.get(p).await(10_000); // a producer blocked on the ring must be released
            }
            assertTrue(bus.awaitTermination(2, TimeUnit.SECONDS), "round " + round + ": stage threads still running");
            assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 1_000), "round " + round);
            assertEquals(List.of(), hits.atMostOnceViolations(published), "round " + round);
            assertEquals(List.of(), OracleWorker.errorsOf(workers), "round " + round);
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("modesAndWaits")
    void closeRacingPublishersDeliversEveryEventWhosePublishReturned(ProducerMode mode, PoolWait wait)
            throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        SplittableRandom random = new SplittableRandom(29);
        for (int round = 0; round < 10; round++) {
            String name = "pool-race-" + RUNS.incrementAndGet();
            HitCounter hits = new HitCounter(producers, MAX_PER_PRODUCER);
            List<OracleWorker> workers = new ArrayList<>();
            RingBus<OracleEvent> bus = poolBus(name, 16, mode, wait, hits, workers);
            bus.start();
            List<AsyncCall<Long>> producing = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                producing.add(AsyncCall.start(name + "-producer-" + p, () -> publishUntilClosed(bus.publisher(), id)));
            }
            Thread.sleep(1 + random.nextInt(5));
            ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
            long[] published = new long[producers];
            for (int p = 0; p < producers; p++) {
                published[p] = producing.get(p).await(10_000);
            }
            assertTrue(report.drained(), "round " + round + ": " + report);
            assertEquals(List.of(), hits.exactlyOnceViolations(published), "round " + round
                    + ": a publish that returned during close() must be delivered; report " + report);
            assertEquals(List.of(), OracleWorker.errorsOf(workers), "round " + round);
            assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000), "round " + round);
        }
    }

    /** Publishes until the bus refuses; returns how many events were published. */
    private static long publishUntilClosed(Publisher<OracleEvent> publisher, int producer) {
        long i = 0;
        try {
            while (i < MAX_PER_PRODUCER) {
                long s = publisher.claim();
                publisher.get(s).fill(producer, i);
                publisher.publish(s);
                i++;
            }
        } catch (BusClosedException expected) {
            // the halt reached this producer
        }
        return i;
    }
}
