package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
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
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Pollers: a pull stage on the caller's thread. It sees every event in order exactly once, reports IDLE, GATED
 * and CLOSED truthfully, gates the producer like any stage, and holds a close until it has polled to the end.
 */
@Deadline(seconds = 60)
class PollerTest {
    private static final long EVENTS = Long.getLong("ringbus.poller.events", 100_000);
    private static final long BOUND_MILLIS = 20_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private static RingBus<OracleEvent> bus(String name, int capacity, ProducerMode mode) {
        return RingBus.builder(OracleEvent::new).name(name).capacity(capacity).producerMode(mode)
                .shutdownTimeout(Duration.ofSeconds(20)).build();
    }

    private static void publish(Publisher<OracleEvent> publisher, int producer, long producerSeq) {
        long seq = publisher.claim();
        publisher.get(seq).fill(producer, producerSeq);
        publisher.publish(seq);
    }

    /** Polls until CLOSED; fails (after halting the bus) if that takes longer than the bound. */
    private static void pollUntilClosed(RingBus<OracleEvent> bus, Poller<OracleEvent> poller,
                                        EventHandler<OracleEvent> handler, SplittableRandom limits) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (poller.poll(handler, 1 + limits.nextInt(64)) != PollState.CLOSED) {
            if (System.nanoTime() - deadline > 0) {
                bus.halt();
                fail("poller did not see CLOSED within " + BOUND_MILLIS + " ms");
            }
            Thread.onSpinWait();
        }
    }

    static Stream<Arguments> modesAndProducerWaits() {
        List<Arguments> out = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (PoolWait wait : new PoolWait[] {PoolWait.PARK, PoolWait.BLOCKING}) {
                out.add(Arguments.of(mode, wait));
            }
        }
        return out.stream();
    }

    /** With a blocking producer wait, the poller's progress is what must wake the producers. */
    @ParameterizedTest(name = "{0} producer wait {1}")
    @MethodSource("modesAndProducerWaits")
    void firstLevelPollerSeesEveryEventInOrderExactlyOnce(ProducerMode mode, PoolWait producerWait) {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        String name = "poller-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(64).producerMode(mode)
                .producerWaitStrategy(producerWait.create()).shutdownTimeout(Duration.ofSeconds(20)).build();
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        TimedProducers producing = TimedProducers.start(name, bus.publisher(), 64, producers, EVENTS / producers, 3_000);
        AsyncCall<ShutdownReport> closer = AsyncCall.start(name + "-closer", () -> {
            producing.join(30_000);
            return bus.close(20, TimeUnit.SECONDS);
        });
        OrderChecker checker = new OrderChecker(producers);
        pollUntilClosed(bus, poller, checker, new SplittableRandom(7));

        ShutdownReport report = closer.await(BOUND_MILLIS);
        assertTrue(report.drained(), report.toString());
        assertEquals(List.of(), checker.errors());
        assertTrue(producing.total() > 0, "nothing was published");
        assertEquals(producing.total(), checker.seen());
        long[] published = producing.published();
        for (int p = 0; p < producers; p++) {
            assertEquals(published[p], checker.delivered(p), "producer " + p);
        }
        assertEquals(PollState.CLOSED, poller.poll(checker, 1));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }

    @Test
    void pollReturnsIdleWhenNothingIsPublished() {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 16, ProducerMode.SINGLE);
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        OrderChecker checker = new OrderChecker(1);
        assertEquals(PollState.IDLE, poller.poll(checker, 10));
        assertEquals(0, checker.seen());
        publish(bus.publisher(), 0, 0);
        publish(bus.publisher(), 0, 1);
        assertEquals(PollState.PROCESSED, poller.poll(checker, 10));
        assertEquals(2, checker.seen());
        assertEquals(PollState.IDLE, poller.poll(checker, 10));
        assertEquals(1, poller.sequence());
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), checker.errors());
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void pollerAfterABlockedStageReportsGatedUntilTheStageFinishes(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 16, mode);
        HoldGate gate = new HoldGate();
        Poller<OracleEvent> poller = bus.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> {
            if (s == 0) {
                gate.hold();
            }
        }).named("slow")).thenPoller("p");
        bus.start();
        OrderChecker checker = new OrderChecker(1);
        assertEquals(PollState.IDLE, poller.poll(checker, 10), "nothing published yet");
        for (int i = 0; i < 3; i++) {
            publish(bus.publisher(), 0, i);
        }
        gate.awaitEntered(BOUND_MILLIS);
        assertEquals(PollState.GATED, poller.poll(checker, 10), "published, but the upstream stage holds event 0");
        assertEquals(0, checker.seen());
        gate.release();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (checker.seen() < 3) {
            PollState state = poller.poll(checker, 10);
            assertTrue(state == PollState.PROCESSED || state == PollState.GATED, "unexpected " + state);
            assertTrue(System.nanoTime() - deadline < 0, "poller never received the events");
            LockSupport.parkNanos(10_000);
        }
        assertEquals(PollState.IDLE, poller.poll(checker, 10));
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), checker.errors());
        assertFalse(gate.expired());
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void pollerThatDoesNotPollGatesTheProducer(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 4, mode);
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        for (int i = 0; i < 4; i++) {
            long seq = publisher.tryClaim();
            assertEquals(i, seq, "room for " + (i + 1) + " of 4");
            publisher.get(seq).fill(0, i);
            publisher.publish(seq);
        }
        assertEquals(Publisher.INSUFFICIENT_CAPACITY, publisher.tryClaim(), "4 outstanding on a ring of 4");
        assertEquals(3, bus.lastClaimedSequence(), "a failed tryClaim claims nothing");

        OrderChecker checker = new OrderChecker(1);
        assertEquals(PollState.PROCESSED, poller.poll(checker, 2));
        assertEquals(2, checker.seen());
        for (int i = 4; i < 6; i++) {
            long seq = publisher.tryClaim();
            assertEquals(i, seq, "polling freed two slots");
            publisher.get(seq).fill(0, i);
            publisher.publish(seq);
        }
        assertEquals(Publisher.INSUFFICIENT_CAPACITY, publisher.tryClaim());
        while (poller.poll(checker, 3) == PollState.PROCESSED) {
            assertTrue(checker.seen() <= 6);
        }
        assertEquals(6, checker.seen());
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), checker.errors());
    }

    @Test
    void closeFromAnotherThreadReturnsOnlyOnceThePollerHasPolledToTheEnd() {
        String name = "poller-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = bus(name, 16, ProducerMode.SINGLE);
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        for (int i = 0; i < 10; i++) {
            publish(bus.publisher(), 0, i);
        }
        AsyncCall<ShutdownReport> closer = AsyncCall.start(name + "-closer", () -> bus.close(20, TimeUnit.SECONDS));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (!bus.isStopped()) {
            assertTrue(System.nanoTime() - deadline < 0, "close never began");
            Thread.onSpinWait();
        }
        assertFalse(closer.join(200), "close returned while 10 events were waiting for the poller: " + (closer.isDone()
                ? closer.await(0) : ""));

        OrderChecker checker = new OrderChecker(1);
        assertEquals(PollState.PROCESSED, poller.poll(checker, 4), "events published before close are delivered");
        pollUntilClosed(bus, poller, checker, new SplittableRandom(3));
        ShutdownReport report = closer.await(BOUND_MILLIS);
        assertTrue(report.drained(), report.toString());
        assertEquals(10, checker.seen());
        assertEquals(List.of(), checker.errors());
        assertEquals(PollState.CLOSED, poller.poll(checker, 10));
        assertThrows(BusClosedException.class, () -> bus.publisher().claim());
    }

    @Test
    void afterHaltPollReturnsClosed() {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 16, ProducerMode.SINGLE);
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        publish(bus.publisher(), 0, 0);
        bus.halt();
        List<Long> seen = new ArrayList<>();
        assertEquals(PollState.CLOSED, poller.poll((e, s, end) -> seen.add(s), 10));
        assertEquals(List.of(), seen, "nothing is delivered after a halt");
    }

    @Test
    void pollerOfABusClosedBeforeItStartedReturnsClosed() {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 16, ProducerMode.SINGLE);
        Poller<OracleEvent> poller = bus.newPoller("p");
        ShutdownReport report = bus.close(5, TimeUnit.SECONDS); // say, a start-up step failed
        assertTrue(bus.isStopped());
        assertTrue(report.drained(), report.toString());
        assertEquals(PollState.CLOSED, poller.poll(new OrderChecker(1), 10),
                "a closed bus's poller must say CLOSED, or the documented poll-until-CLOSED loop never ends");
    }

    @Test
    void badInputIsRejectedAndLeavesThePollerWhereItWas() {
        RingBus<OracleEvent> bus = bus("poller-" + RUNS.incrementAndGet(), 16, ProducerMode.SINGLE);
        Poller<OracleEvent> poller = bus.newPoller("p");
        bus.start();
        publish(bus.publisher(), 0, 0);
        OrderChecker checker = new OrderChecker(1);
        assertThrows(IllegalArgumentException.class, () -> poller.poll(checker, 0));
        assertThrows(IllegalArgumentException.class, () -> poller.poll(checker, -1));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> poller.poll(null, 1));
        assertTrue(String.valueOf(npe.getMessage()).contains("handler"), npe.getMessage());
        assertEquals(0, checker.seen());
        assertEquals(-1, poller.sequence());
        assertEquals(PollState.PROCESSED, poller.poll(checker, 1));
        assertEquals(1, checker.seen());
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
    }
}
