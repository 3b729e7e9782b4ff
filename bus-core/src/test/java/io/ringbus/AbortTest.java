package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code abort}: an aborted slot is skipped by every stage kind (broadcast, work-sharing pool, key-partitioned
 * pool, poller, a pool after a broadcast stage, and a join after all of them), stalls nothing, and keeps endOfBatch on the last delivered event;
 * publishing or aborting twice, or a sequence never claimed, throws ISE and leaves the ring usable.
 */
@Deadline(seconds = 60)
class AbortTest {
    private static final int ITERATIONS = Integer.getInteger("ringbus.abort.iterations", 10_000);
    private static final long POISON = 0xDEADL;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** Counts deliveries per ring sequence; an aborted slot carries poison, so a delivery of one is caught twice. */
    static final class SlotHits implements EventHandler<OracleEvent>, WorkHandler<OracleEvent> {
        final AtomicIntegerArray hits;
        final AtomicInteger poisoned;

        SlotHits(AtomicIntegerArray hits, AtomicInteger poisoned) {
            this.hits = hits;
            this.poisoned = poisoned;
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            onEvent(event, sequence);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence) {
            if (event.payload == POISON || !event.intact()) {
                poisoned.incrementAndGet();
            }
            hits.incrementAndGet((int) sequence);
        }

        @Override
        public void onStart() {
        }

        @Override
        public void onShutdown() {
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void abortedSlotsAreSkippedByEveryStageKindAndNothingStalls(ProducerMode mode) throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        int maxSlots = producers * ITERATIONS * 3;
        String name = "abort-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(16).producerMode(mode)
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        String[] stages = {"broadcast", "pool", "keyed-pool", "poller", "join", "pool after broadcast"};
        AtomicIntegerArray[] hits = new AtomicIntegerArray[stages.length];
        AtomicInteger poisoned = new AtomicInteger();
        for (int i = 0; i < stages.length; i++) {
            hits[i] = new AtomicIntegerArray(maxSlots);
        }
        StageGroup<OracleEvent> broadcast = bus.handleEventsWith(StageSpec.<OracleEvent>of(new SlotHits(hits[0], poisoned)).named("B"));
        StageGroup<OracleEvent> pool = bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits[1], poisoned), new SlotHits(hits[1], poisoned))).named("W"));
        StageGroup<OracleEvent> keyed = bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits[2], poisoned), new SlotHits(hits[2], poisoned))).named("K")
                .partitionBy(e -> e.producerSeq));
        Poller<OracleEvent> poller = bus.newPoller("P");
        StageGroup<OracleEvent> poolAfter = broadcast.thenWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits[5], poisoned), new SlotHits(hits[5], poisoned))).named("W2"));
        poolAfter.and(pool).and(keyed).and(poller.asGroup())
                .then(StageSpec.<OracleEvent>of(new SlotHits(hits[4], poisoned)).named("J"));
        bus.start();

        SlotHits pollerHandler = new SlotHits(hits[3], poisoned);
        AsyncCall<Void> polling = AsyncCall.start(name + "-polling", () -> {
            PollState state;
            while ((state = poller.poll(pollerHandler, 8)) != PollState.CLOSED) {
                if (state != PollState.PROCESSED) {
                    LockSupport.parkNanos(20_000); // leave the 2 cores to the stages
                }
            }
            return null;
        });
        AtomicIntegerArray outcome = new AtomicIntegerArray(maxSlots); // 1 published, 2 aborted
        List<AsyncCall<Void>> producing = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            producing.add(AsyncCall.start(name + "-producer-" + p, () -> {
                produceWithAborts(bus.publisher(), id, outcome);
                return null;
            }));
        }
        for (AsyncCall<Void> p : producing) {
            p.await(30_000);
        }
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);
        polling.await(20_000);

        assertTrue(report.drained(), "aborted slots stalled the drain: " + report);
        assertEquals(0, poisoned.get(), "a stage was handed an aborted (poisoned) slot");
        long last = bus.lastClaimedSequence();
        int aborted = 0;
        for (int s = 0; s <= last; s++) {
            int expected = outcome.get(s) == 1 ? 1 : 0;
            aborted += outcome.get(s) == 2 ? 1 : 0;
            assertTrue(outcome.get(s) != 0, "sequence " + s + " was neither published nor aborted");
            for (int i = 0; i < stages.length; i++) {
                assertEquals(expected, hits[i].get(s), stages[i] + " at sequence " + s
                        + (expected == 0 ? " (aborted)" : " (published)"));
            }
        }
        assertTrue(aborted > 0 && aborted < last, "the scenario must mix aborts and publishes");
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }

    /** Cycles through: publish one; abort one; claim three and publish, abort, publish; abort a range of two. */
    private static void produceWithAborts(Publisher<OracleEvent> publisher, int producer, AtomicIntegerArray outcome) {
        long seq = 0;
        for (int i = 0; i < ITERATIONS; i++) {
            switch (i % 4) {
                case 0: {
                    long s = publisher.claim();
                    publisher.get(s).fill(producer, seq++);
                    publisher.publish(s);
                    outcome.set((int) s, 1);
                    break;
                }
                case 1: {
                    long s = publisher.claim();
                    poison(publisher.get(s));
                    outcome.set((int) s, 2);
                    publisher.abort(s);
                    break;
                }
                case 2: {
                    long lo = publisher.claim(3);
                    publisher.get(lo).fill(producer, seq++);
                    poison(publisher.get(lo + 1));
                    publisher.get(lo + 2).fill(producer, seq++);
                    outcome.set((int) lo, 1);
                    outcome.set((int) lo + 1, 2);
                    outcome.set((int) lo + 2, 1);
                    publisher.publish(lo);
                    publisher.abort(lo + 1);
                    publisher.publish(lo + 2);
                    break;
                }
                default: {
                    long lo = publisher.claim(2);
                    poison(publisher.get(lo));
                    poison(publisher.get(lo + 1));
                    outcome.set((int) lo, 2);
                    outcome.set((int) lo + 1, 2);
                    publisher.abort(lo, lo + 1);
                }
            }
        }
    }

    private static void poison(OracleEvent event) {
        event.fill(0, 0);
        event.payload = POISON;
    }

    @Test
    void poolStatsCountHandledEventsNotAbortedSlots() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("abort-" + RUNS.incrementAndGet())
                .capacity(16).build();
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        AtomicInteger poisoned = new AtomicInteger();
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits, poisoned), new SlotHits(hits, poisoned))).named("W"));
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits, poisoned), new SlotHits(hits, poisoned))).named("K")
                .partitionBy(e -> e.producerSeq));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        for (int i = 0; i < 10; i++) {
            long s = publisher.claim();
            publisher.get(s).fill(0, i);
            publisher.publish(s);
            if (i % 2 == 0) {
                publisher.abort(publisher.claim());
            }
        }
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        for (StageStats stage : bus.stats()) {
            assertEquals(10, stage.workerEvents().stream().mapToLong(Long::longValue).sum(),
                    stage.name() + " (" + stage.kind() + ") handled 10 events and skipped 5 aborted slots, but its "
                            + "workerEvents say " + stage.workerEvents());
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void publishingOrAbortingTwiceOrAnUnclaimedSequenceThrowsIllegalState(ProducerMode mode) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("abort-" + RUNS.incrementAndGet())
                .capacity(16).producerMode(mode).build();
        OrderChecker checker = new OrderChecker(1);
        AtomicIntegerArray hits = new AtomicIntegerArray(64);
        AtomicInteger poisoned = new AtomicInteger();
        bus.handleEventsWith(checker);
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new SlotHits(hits, poisoned), new SlotHits(hits, poisoned))));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();

        long s0 = publisher.claim();
        publisher.get(s0).fill(0, 0);
        publisher.publish(s0);
        assertThrows(IllegalStateException.class, () -> publisher.publish(s0), "publish twice");
        assertThrows(IllegalStateException.class, () -> publisher.abort(s0), "abort after publish");

        long s1 = publisher.claim();
        poison(publisher.get(s1));
        publisher.abort(s1);
        assertThrows(IllegalStateException.class, () -> publisher.abort(s1), "abort twice");
        assertThrows(IllegalStateException.class, () -> publisher.publish(s1), "publish after abort");
        assertThrows(IllegalStateException.class, () -> publisher.abort(s1 + 1), "abort of a sequence never claimed");
        assertThrows(IllegalStateException.class, () -> publisher.abort(s1 + 100), "abort far beyond the claims");
        assertThrows(IllegalStateException.class, () -> publisher.publish(s1 + 1), "publish of a sequence never claimed");
        assertEquals(s1, bus.lastClaimedSequence(), "the rejected calls claimed nothing");

        long s2 = publisher.claim();
        assertEquals(s1 + 1, s2);
        publisher.get(s2).fill(0, 1);
        publisher.publish(s2);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained(), "the ring still works after the rejected calls");
        assertEquals(List.of(), checker.errors());
        assertEquals(2, checker.seen());
        assertEquals(0, poisoned.get());
        assertEquals(1, hits.get((int) s0));
        assertEquals(0, hits.get((int) s1));
        assertEquals(1, hits.get((int) s2));
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void endOfBatchGoesToTheLastDeliveredEventWhenTheBatchEndsWithAnAbortedSlot(ProducerMode mode) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("abort-" + RUNS.incrementAndGet())
                .capacity(16).producerMode(mode).build();
        HoldGate gate = new HoldGate();
        List<String> deliveries = new ArrayList<>();
        bus.handleEventsWith((OracleEvent e, long s, boolean endOfBatch) -> {
            synchronized (deliveries) {
                deliveries.add(s + (endOfBatch ? " end" : ""));
            }
            if (s == 0) {
                gate.hold(); // the next batch forms only once 1..3 are all ready
            }
        });
        Poller<OracleEvent> poller = bus.newPoller("P");
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        long s0 = publisher.claim();
        publisher.get(s0).fill(0, 0);
        publisher.publish(s0);
        gate.awaitEntered(20_000);
        long lo = publisher.claim(3);
        publisher.get(lo).fill(0, 1);
        publisher.get(lo + 1).fill(0, 2);
        poison(publisher.get(lo + 2));
        publisher.publish(lo, lo + 1);
        publisher.abort(lo + 2);

        List<String> polled = new ArrayList<>();
        assertEquals(PollState.PROCESSED, poller.poll((e, s, end) -> polled.add(s + (end ? " end" : "")), 10));
        assertEquals(List.of("0", "1", "2 end"), polled, "poller: one poll of 0..3, slot 3 aborted");

        gate.release();
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        synchronized (deliveries) {
            assertEquals(List.of("0 end", "1", "2 end"), deliveries, "broadcast: batch [0], then batch [1..3] with 3 aborted");
        }
    }
}
