package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.PoolWait;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code claim(n, timeout, unit)} on a full ring: it returns {@link Publisher#TIMED_OUT} or
 * {@link Publisher#INTERRUPTED} with nothing claimed, so that once the stage moves again everything published
 * is delivered with no gap and no stall. The ring is filled deterministically: capacity 4 and a stage held
 * on its first event. All claims run on the test thread (SINGLE mode has one producer thread).
 */
@Deadline(seconds = 60)
class ClaimTimeoutTest {
    private static final int CAPACITY = 4;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private RingBus<OracleEvent> bus;
    private final HoldGate gate = new HoldGate();
    private final OrderChecker checker = new OrderChecker(1);
    private long nextProducerSeq;

    static Stream<Arguments> modesAndProducerWaits() {
        List<Arguments> out = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (PoolWait wait : new PoolWait[] {PoolWait.PARK, PoolWait.BLOCKING, PoolWait.YIELD}) {
                out.add(Arguments.of(mode, wait));
            }
        }
        return out.stream();
    }

    /** A bus of 4 whose one stage holds event 0, with events 0..3 published: the ring is full. */
    private void fullRing(ProducerMode mode, PoolWait producerWait) {
        bus = RingBus.builder(OracleEvent::new).name("timeout-" + RUNS.incrementAndGet()).capacity(CAPACITY)
                .producerMode(mode).producerWaitStrategy(producerWait.create()).build();
        bus.handleEventsWith((OracleEvent e, long s, boolean end) -> {
            if (s == 0) {
                gate.hold();
            }
            checker.onEvent(e, s, end);
        });
        bus.start();
        for (int i = 0; i < CAPACITY; i++) {
            publishOne(bus.publisher().claim());
        }
        gate.awaitEntered(20_000);
    }

    private void publishOne(long seq) {
        bus.publisher().get(seq).fill(0, nextProducerSeq++);
        bus.publisher().publish(seq);
    }

    /** Releases the stage, publishes more through timed claims, closes, and checks nothing was lost or stalled. */
    private void releaseAndVerifyNoGap() {
        gate.release();
        for (int i = 0; i < 20; i++) {
            long seq = bus.publisher().claim(1, 20, TimeUnit.SECONDS);
            assertEquals(CAPACITY + i, seq, "the timed-out claims left no hole in the sequence");
            publishOne(seq);
        }
        assertTrue(bus.close(20, TimeUnit.SECONDS).drained(), "a gap or stall after the timed-out claims");
        assertEquals(List.of(), checker.errors());
        assertEquals(nextProducerSeq, checker.seen());
        assertEquals(nextProducerSeq, checker.delivered(0));
        assertFalse(gate.expired());
    }

    @AfterEach
    void stopBus() {
        Thread.interrupted(); // never leak an interrupt into the next test
        gate.release();
        if (bus != null) {
            bus.halt();
        }
    }

    @ParameterizedTest(name = "{0} producer wait {1}")
    @MethodSource("modesAndProducerWaits")
    void timedClaimOnAFullRingTimesOutWithNothingClaimed(ProducerMode mode, PoolWait producerWait) {
        fullRing(mode, producerWait);
        Publisher<OracleEvent> publisher = bus.publisher();
        assertEquals(Publisher.TIMED_OUT, publisher.claim(1, 30, TimeUnit.MILLISECONDS));
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "a timed-out claim claims nothing");
        assertEquals(Publisher.TIMED_OUT, publisher.claim(2, 0, TimeUnit.NANOSECONDS), "zero timeout on a full ring");
        assertEquals(Publisher.TIMED_OUT, publisher.claim(CAPACITY, 10, TimeUnit.MILLISECONDS));
        assertEquals(Publisher.INSUFFICIENT_CAPACITY, publisher.tryClaim());
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "still nothing claimed");
        assertTrue(bus.producerStallNanos() > 0, "the timed claims waited on a full ring");
        releaseAndVerifyNoGap();
    }

    @ParameterizedTest(name = "{0} producer wait {1}")
    @MethodSource("modesAndProducerWaits")
    void interruptedTimedClaimReturnsInterruptedWithNothingClaimed(ProducerMode mode, PoolWait producerWait) {
        fullRing(mode, producerWait);
        Publisher<OracleEvent> publisher = bus.publisher();
        Thread.currentThread().interrupt();
        assertEquals(Publisher.INTERRUPTED, publisher.claim(1, 20, TimeUnit.SECONDS), "interrupted before the call");
        Thread.interrupted();
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence());

        Thread claimer = Thread.currentThread();
        AsyncCall<Void> interrupter = AsyncCall.start(bus.name() + "-interrupter", () -> {
            waitUntilWaiting(claimer);
            claimer.interrupt();
            return null;
        });
        assertEquals(Publisher.INTERRUPTED, publisher.claim(2, 20, TimeUnit.SECONDS), "interrupted while waiting");
        Thread.interrupted();
        interrupter.await(20_000);
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "an interrupted claim claims nothing");
        releaseAndVerifyNoGap();
    }

    /** Waits (bounded) until the thread blocks or yields inside a sequencer's wait. */
    private static void waitUntilWaiting(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            for (StackTraceElement e : t.getStackTrace()) {
                if (e.getClassName().contains("WaitStrategy")) {
                    return;
                }
            }
            Thread.sleep(1);
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void badTimeoutArgumentsAreRejectedWithNothingClaimed(ProducerMode mode) {
        fullRing(mode, PoolWait.PARK);
        Publisher<OracleEvent> publisher = bus.publisher();
        assertThrows(IllegalArgumentException.class, () -> publisher.claim(1, -1, TimeUnit.MILLISECONDS));
        NullPointerException npe = assertThrows(NullPointerException.class, () -> publisher.claim(1, 1, null));
        assertTrue(String.valueOf(npe.getMessage()).contains("unit"), npe.getMessage());
        assertThrows(IllegalArgumentException.class, () -> publisher.claim(0, 1, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> publisher.claim(CAPACITY + 1, 1, TimeUnit.SECONDS));
        assertThrows(IllegalArgumentException.class, () -> bus.close(-1, TimeUnit.SECONDS));
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "rejected calls claim nothing");
        releaseAndVerifyNoGap();
    }
}
