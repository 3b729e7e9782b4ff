package io.ringbus;

import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad input around worker pools is rejected with the documented exception, naming what was wrong, and a
 * rejected call changes nothing: the bus still works afterwards.
 */
class WorkerPoolBadInputTest {

    private static RingBus<OracleEvent> bus(String name) {
        return RingBus.builder(OracleEvent::new).name(name).capacity(16).build();
    }

    private static String messageOf(Throwable t) {
        return String.valueOf(t.getMessage());
    }

    @Test
    void aPoolOfZeroWorkersIsRejectedNamingWorkers() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(0, () -> (e, s) -> { }));
        assertTrue(messageOf(zero).contains("workers"), messageOf(zero));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(-3, () -> (e, s) -> { }));
        assertTrue(messageOf(negative).contains("workers"), messageOf(negative));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(List.<WorkHandler<OracleEvent>>of()));
        assertTrue(messageOf(empty).contains("workers"), messageOf(empty));
    }

    @Test
    void nullsAreRejectedNamingTheParameter() {
        NullPointerException key = assertThrows(NullPointerException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(1, () -> (e, s) -> { }).partitionBy(null));
        assertTrue(messageOf(key).contains("key"), messageOf(key));
        NullPointerException factory = assertThrows(NullPointerException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(2, null));
        assertTrue(messageOf(factory).contains("factory"), messageOf(factory));
        NullPointerException nullHandler = assertThrows(NullPointerException.class,
                () -> WorkerPoolSpec.<OracleEvent>of(2, () -> null));
        assertTrue(messageOf(nullHandler).contains("null"), messageOf(nullHandler));
        List<WorkHandler<OracleEvent>> withNull = new ArrayList<>();
        withNull.add((e, s) -> { });
        withNull.add(null);
        NullPointerException inList = assertThrows(NullPointerException.class, () -> WorkerPoolSpec.of(withNull));
        assertTrue(messageOf(inList).contains("handler"), messageOf(inList));
        assertThrows(NullPointerException.class, () -> bus("pool-bad-npe").handleEventsWithWorkerPool(null));
    }

    @Test
    void theSameWorkHandlerInTwoPoolsOrTwiceInOnePoolIsRejectedAndAddsNothing() {
        RingBus<OracleEvent> bus = bus("pool-bad-dup");
        HitCounter hits = new HitCounter(1, 16);
        OracleWorker shared = new OracleWorker(hits);
        OracleWorker other = new OracleWorker(hits);
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(List.of(shared, other)).named("first"));
        assertThrows(IllegalArgumentException.class, () -> bus.handleEventsWithWorkerPool(
                WorkerPoolSpec.<OracleEvent>of(List.of(shared)).named("second")), "same handler in two pools");
        OracleWorker fresh = new OracleWorker(hits);
        assertThrows(IllegalArgumentException.class, () -> bus.handleEventsWithWorkerPool(
                WorkerPoolSpec.<OracleEvent>of(List.of(fresh, fresh)).named("third")), "same handler twice in one pool");
        assertEquals(1, bus.stats().size(), "the rejected pools were not added: " + bus.stats());

        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        for (int i = 0; i < 10; i++) {
            long s = publisher.claim();
            publisher.get(s).fill(0, i);
            publisher.publish(s);
        }
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), hits.exactlyOnceViolations(10), "the first pool still works");
        assertEquals(0, fresh.handled(), "a rejected pool's handler never runs");
    }

    @Test
    void workerWaitStrategyIndexOutOfRangeIsRejected() {
        WorkerPoolSpec<OracleEvent> spec = WorkerPoolSpec.of(2, () -> new OracleWorker(new HitCounter(1, 1)));
        assertThrows(IllegalArgumentException.class,
                () -> spec.workerWaitStrategy(2, new io.ringbus.wait.YieldingWaitStrategy()));
        assertThrows(IllegalArgumentException.class,
                () -> spec.workerWaitStrategy(-1, new io.ringbus.wait.YieldingWaitStrategy()));
        assertThrows(NullPointerException.class, () -> spec.workerWaitStrategy(0, null));
    }

    @Test
    void negativeTimeoutsAndUnclaimedAbortsOnAPoolBusAreRejectedWithNothingClaimed() {
        RingBus<OracleEvent> bus = bus("pool-bad-claims");
        HitCounter hits = new HitCounter(1, 16);
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(
                List.of(new OracleWorker(hits), new OracleWorker(hits), new OracleWorker(hits))));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        assertThrows(IllegalArgumentException.class, () -> publisher.claim(1, -5, TimeUnit.MILLISECONDS));
        assertThrows(IllegalStateException.class, () -> publisher.abort(0), "abort before any claim");
        long s = publisher.claim();
        assertThrows(IllegalStateException.class, () -> publisher.abort(s + 1), "abort of a sequence never claimed");
        assertThrows(IllegalStateException.class, () -> publisher.abort(s + 1, s + 3), "abort of a range never claimed");
        assertEquals(s, bus.lastClaimedSequence(), "the rejected calls claimed nothing");
        publisher.get(s).fill(0, 0);
        publisher.publish(s);
        assertThrows(IllegalArgumentException.class, () -> bus.close(-1, TimeUnit.SECONDS));
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), hits.exactlyOnceViolations(1));
    }

    @Test
    void addingAPoolAfterStartIsRejected() {
        RingBus<OracleEvent> bus = bus("pool-bad-late");
        HitCounter hits = new HitCounter(1, 1);
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(List.of(new OracleWorker(hits))));
        bus.start();
        try {
            assertThrows(IllegalStateException.class, () -> bus.handleEventsWithWorkerPool(
                    WorkerPoolSpec.<OracleEvent>of(List.of(new OracleWorker(hits)))));
        } finally {
            assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        }
    }
}
