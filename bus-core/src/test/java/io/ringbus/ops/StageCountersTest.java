package io.ringbus.ops;

import io.ringbus.ExceptionPolicy;
import io.ringbus.ProducerStats;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.wait.BlockingWaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-stage and producer counters count what happened, and stay 0 when switched off. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StageCountersTest {

    static final class Box {
        long value;
    }

    @Test
    void countsEventsBatchesWakeUpsFailuresSkipsAndAborts() {
        CountDownLatch release = new CountDownLatch(1);
        RingBus<Box> bus = RingBus.builder(Box::new).name("counted").capacity(8)
                .waitStrategy(new BlockingWaitStrategy()).exceptionPolicy(ExceptionPolicy.logAndContinue()).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> {
            if (box.value == 0) {
                release.await(); // the first event holds the stage so a batch builds up behind it
            }
            if (box.value == 3) {
                throw new IllegalStateException("value 3 fails (test)");
            }
        }).named("first")).then(StageSpec.<Box>of((box, seq, end) -> { }).named("second"));
        bus.start();
        Publisher<Box> p = bus.publisher();
        for (long v = 0; v < 6; v++) {
            publish(p, v);
        }
        long aborted = p.claim();
        p.abort(aborted);
        release.countDown();
        awaitSequence(bus, 6);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20)); // both stages go to sleep in the blocking wait
        publish(p, 7);
        awaitSequence(bus, 7);
        ShutdownReport r = bus.close(10, TimeUnit.SECONDS);
        assertTrue(r.drained(), r.toString());

        StageStats first = bus.stats().get(0);
        StageStats second = bus.stats().get(1);
        assertEquals(8, first.events(), first.toString()); // 0..7, the aborted slot included
        assertTrue(first.maxBatch() >= 2, "events 1..6 were ready together: " + first);
        assertTrue(first.batches() >= 2 && first.batches() < 8, first.toString());
        assertTrue(first.wakeUps() >= 1, "the stage slept before event 7: " + first);
        assertEquals(1, first.failures(), first.toString());
        assertEquals(1, first.abortsSeen(), first.toString());
        assertEquals(1, second.skipped(), "event 3 failed upstream: " + second);
        assertEquals(1, second.abortsSeen(), second.toString());
        assertEquals(0, first.backlog(), first.toString());
        ProducerStats producer = bus.producerStats();
        assertEquals(7, producer.claimed(), producer.toString());
        assertEquals(1, producer.aborts(), producer.toString());
    }

    @Test
    void fullRingClaimsAndStallNanosAreCounted() {
        CountDownLatch release = new CountDownLatch(1);
        RingBus<Box> bus = RingBus.builder(Box::new).name("full").capacity(2).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> release.await()).named("held"));
        bus.start();
        Publisher<Box> p = bus.publisher();
        publish(p, 1);
        publish(p, 2);
        assertTrue(p.tryClaim() < 0, "the ring of 2 is full");
        Thread releaser = new Thread(() -> {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            release.countDown();
        });
        releaser.start();
        publish(p, 3); // waits for room until the stage is released
        bus.close(10, TimeUnit.SECONDS);
        ProducerStats producer = bus.producerStats();
        assertEquals(2, producer.fullRing(), "one try-claim refused, one wait for room: " + producer);
        assertTrue(producer.stallNanos() > 0, producer.toString());
        assertEquals(2, producer.claimed());
    }

    @Test
    void poolCountersAreSummedOverWorkers() {
        RingBus<Box> bus = RingBus.builder(Box::new).name("pooled").capacity(64).build();
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<Box>of(3, () -> new io.ringbus.WorkHandler<Box>() {
            @Override
            public void onEvent(Box box, long seq) {
                box.value++;
            }
        }).named("pool"));
        bus.start();
        for (long v = 0; v < 100; v++) {
            publish(bus.publisher(), v);
        }
        bus.close(10, TimeUnit.SECONDS);
        StageStats pool = bus.stats().get(0);
        assertEquals(100, pool.events(), pool.toString());
        assertEquals(100, pool.batches(), pool.toString());
        assertEquals(100, pool.workerEvents().stream().mapToLong(Long::longValue).sum());
        assertEquals(1, pool.maxBatch(), "a worker takes one event at a time: " + pool);
    }

    @Test
    void countersOffLeaveThePerBatchCountersAtZeroAndTheRestWorking() {
        RingBus<Box> bus = RingBus.builder(Box::new).name("uncounted").capacity(16).collectCounters(false).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> { }).named("quiet"));
        bus.start();
        for (long v = 0; v < 10; v++) {
            publish(bus.publisher(), v);
        }
        bus.close(10, TimeUnit.SECONDS);
        StageStats s = bus.stats().get(0);
        assertEquals(List.of(0L, 0L, 0L, 0L), List.of(s.events(), s.maxBatch(), s.wakeUps(), s.abortsSeen()), s.toString());
        assertEquals(9, s.sequence());
        assertTrue(s.batches() >= 1, s.toString());
    }

    private static void publish(Publisher<Box> p, long v) {
        p.publishEvent((box, seq, value) -> box.value = value, v);
    }

    private static void awaitSequence(RingBus<Box> bus, long seq) {
        while (bus.stats().stream().anyMatch(s -> s.sequence() < seq)) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }
}
