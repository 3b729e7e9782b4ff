package io.ringbus;

import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.TimedProducers;
import io.ringbus.wait.ParkingWaitStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pools mixed with broadcast stages: a diamond whose join runs after a broadcast stage and a pool, a pool after
 * a broadcast stage, and a broadcast stage after a pool. A stage after a pool must see event s only once the
 * worker that took s has finished it: workers write markB last, after a random delay that lets the other
 * workers run ahead, and the downstream stage checks it. Small rings make every slot wrap many times.
 */
@Deadline(seconds = 60)
class PoolInDiamondTest {
    private static final long EVENTS = Long.getLong("ringbus.pool.diamond.events", 60_000);
    private static final long TIME_BOX_MILLIS = 3_000;
    private static final int CAPACITY = 8;
    private static final int WORKERS = 3;
    private static final long TAKEN = -2;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Marks markB "taken", dawdles, checks the upstream mark if asked, and writes markB last. */
    static final class MarkingWorker extends OracleWorker {
        private final boolean expectMarkA;

        MarkingWorker(HitCounter hits, boolean expectMarkA) {
            super(hits);
            this.expectMarkA = expectMarkA;
        }

        @Override
        protected void handle(OracleEvent event, long sequence) {
            event.markB = TAKEN;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            if (random.nextInt(64) == 0) {
                Thread.yield();
            } else {
                for (int i = random.nextInt(64); i > 0; i--) {
                    Thread.onSpinWait();
                }
            }
            if (expectMarkA && event.markA != event.producerSeq) {
                error("pool ran before the upstream stage finished " + sequence + ": markA=" + event.markA);
            }
            event.markB = event.producerSeq; // last write: a downstream stage must see it
        }
    }

    /** A broadcast stage that checks the contract and the marks of the stages it runs after. */
    static final class MarkChecker extends OrderChecker {
        private final boolean expectMarkA;
        private final List<String> markErrors = new ArrayList<>();

        MarkChecker(int producers, boolean expectMarkA) {
            super(producers);
            this.expectMarkA = expectMarkA;
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            if (event.markB != event.producerSeq || (expectMarkA && event.markA != event.producerSeq)) {
                if (markErrors.size() < 20) {
                    markErrors.add("event " + sequence + " seen before its upstream stages finished: markA="
                            + event.markA + ", markB=" + event.markB + ", producerSeq=" + event.producerSeq);
                }
            }
            check(event, sequence);
        }

        List<String> markErrors() {
            return List.copyOf(markErrors);
        }
    }

    private static final EventHandler<OracleEvent> MARK_A = (event, sequence, endOfBatch) -> event.markA = event.producerSeq;

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void joinAfterABroadcastStageAndAPoolSeesBothMarksOnEveryEvent(ProducerMode mode) {
        Fixture f = new Fixture(mode);
        StageGroup<OracleEvent> a = f.bus.handleEventsWith(StageSpec.of(MARK_A).named("A"));
        StageGroup<OracleEvent> w = f.bus.handleEventsWithWorkerPool(f.pool(false));
        MarkChecker join = new MarkChecker(f.producers, true);
        a.and(w).then(StageSpec.of(join).named("J"));
        f.runAndVerify(join);
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void poolAfterABroadcastStageAndABroadcastStageAfterThePool(ProducerMode mode) {
        Fixture f = new Fixture(mode);
        MarkChecker last = new MarkChecker(f.producers, true);
        f.bus.handleEventsWith(StageSpec.of(MARK_A).named("A")).thenWorkerPool(f.pool(true))
                .then(StageSpec.of(last).named("D"));
        f.runAndVerify(last);
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void broadcastStageAfterAFirstLevelPoolSeesOnlyFinishedEvents(ProducerMode mode) {
        Fixture f = new Fixture(mode);
        MarkChecker after = new MarkChecker(f.producers, false);
        f.bus.handleEventsWithWorkerPool(f.pool(false)).then(StageSpec.of(after).named("D"));
        f.runAndVerify(after);
    }

    /** One bus with its pool's workers and hit counter. */
    private static final class Fixture {
        final int producers;
        final String name = "pool-dia-" + RUNS.incrementAndGet();
        final RingBus<OracleEvent> bus;
        final HitCounter hits;
        final List<MarkingWorker> workers = new ArrayList<>();

        Fixture(ProducerMode mode) {
            producers = mode == ProducerMode.SINGLE ? 1 : 2;
            hits = new HitCounter(producers, (int) EVENTS);
            bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY).producerMode(mode)
                    .waitStrategy(new ParkingWaitStrategy()).build();
        }

        WorkerPoolSpec<OracleEvent> pool(boolean expectMarkA) {
            for (int i = 0; i < WORKERS; i++) {
                workers.add(new MarkingWorker(hits, expectMarkA));
            }
            return WorkerPoolSpec.<OracleEvent>of(workers).named("W");
        }

        void runAndVerify(MarkChecker downstream) {
            bus.start();
            TimedProducers producing;
            try {
                producing = TimedProducers.start(name, bus.publisher(), CAPACITY, producers, EVENTS / producers,
                        TIME_BOX_MILLIS).join(30_000);
            } catch (Throwable t) {
                bus.halt();
                throw t;
            }
            ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
            long[] published = producing.published();
            assertTrue(report.drained(), report.toString());
            assertTrue(producing.total() > 0, "nothing was published");
            assertEquals(List.of(), OracleWorker.errorsOf(workers), "pool workers");
            assertEquals(List.of(), hits.exactlyOnceViolations(published), "pool exactly once");
            assertEquals(List.of(), downstream.markErrors(), "downstream saw unfinished events");
            assertEquals(List.of(), downstream.errors(), "downstream order and exactly once");
            assertEquals(producing.total(), downstream.seen(), "downstream saw every event");
            for (int p = 0; p < producers; p++) {
                assertEquals(published[p], downstream.delivered(p), "downstream, producer " + p);
            }
            assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
        }
    }
}
