package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.HoldGate;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.PoolWait;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.TimedProducers;
import io.ringbus.wait.ParkingWaitStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Back-pressure, not loss: the overflow policies on a full ring (failFast, blockUpTo, block), an uninterruptible
 * plain claim, producer stall accounting, and a producer that never laps a slow stage or pool. The ring is
 * filled deterministically: capacity 4 and a stage held on its first event. In SINGLE mode every claim of a bus
 * comes from one thread, so blocked-producer tests do all their claims on the producer thread.
 */
@Deadline(seconds = 60)
class BackPressureTest {
    private static final int CAPACITY = 4;
    private static final long BOUND_MILLIS = 20_000;
    private static final AtomicInteger RUNS = new AtomicInteger();

    private final HoldGate gate = new HoldGate();
    private final OrderChecker checker = new OrderChecker(1);
    private RingBus<OracleEvent> bus;
    private long nextProducerSeq;

    static Stream<Arguments> modesAndProducerWaits() {
        List<Arguments> out = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (PoolWait wait : new PoolWait[] {PoolWait.PARK, PoolWait.BLOCKING}) {
                out.add(Arguments.of(mode, wait));
            }
        }
        return out.stream();
    }

    private RingBus<OracleEvent> heldBus(ProducerMode mode, OverflowPolicy policy, PoolWait producerWait) {
        bus = RingBus.builder(OracleEvent::new).name("backpressure-" + RUNS.incrementAndGet()).capacity(CAPACITY)
                .producerMode(mode).overflowPolicy(policy).producerWaitStrategy(producerWait.create())
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        bus.handleEventsWith((OracleEvent e, long s, boolean end) -> {
            if (s == 0) {
                gate.hold();
            }
            checker.onEvent(e, s, end);
        });
        bus.start();
        return bus;
    }

    /** Claims with the bus's policy, fills and publishes one event; returns its sequence. */
    private long publishOne() {
        long seq = bus.publisher().claim();
        bus.publisher().get(seq).fill(0, nextProducerSeq++);
        bus.publisher().publish(seq);
        return seq;
    }

    private void fillRing() {
        for (int i = 0; i < CAPACITY; i++) {
            publishOne();
        }
        gate.awaitEntered(BOUND_MILLIS);
    }

    private void closeAndVerifyEverythingDelivered() {
        assertTrue(bus.close(20, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), checker.errors());
        assertEquals(nextProducerSeq, checker.seen(), "every published event delivered");
        assertFalse(gate.expired());
    }

    @AfterEach
    void stopBus() {
        gate.release();
        if (bus != null) {
            bus.halt();
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void failFastThrowsRingFullWithNothingClaimed(ProducerMode mode) {
        heldBus(mode, OverflowPolicy.failFast(), PoolWait.PARK);
        fillRing();
        Publisher<OracleEvent> publisher = bus.publisher();
        assertThrows(RingFullException.class, publisher::claim);
        assertThrows(RingFullException.class, () -> publisher.claim(2));
        AtomicInteger translated = new AtomicInteger();
        assertThrows(RingFullException.class,
                () -> publisher.publishEvent((OracleEvent e, long s, Integer a) -> translated.incrementAndGet(), 1));
        assertEquals(0, translated.get(), "no slot, so no translation");
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "RingFullException claims nothing");
        gate.release();
        for (int i = 0; i < 10; i++) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
            while (true) {
                try {
                    assertEquals(CAPACITY + i, publishOne(), "no hole left by the failed claims");
                    break;
                } catch (RingFullException full) {
                    assertTrue(System.nanoTime() - deadline < 0, "the ring never drained");
                    Thread.yield();
                }
            }
        }
        closeAndVerifyEverythingDelivered();
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void blockUpToThrowsClaimTimeoutAfterWaitingWithNothingClaimed(ProducerMode mode) {
        heldBus(mode, OverflowPolicy.blockUpTo(Duration.ofMillis(30)), PoolWait.PARK);
        fillRing();
        Publisher<OracleEvent> publisher = bus.publisher();
        long stalledBefore = bus.producerStallNanos();
        assertThrows(ClaimTimeoutException.class, publisher::claim);
        assertTrue(bus.producerStallNanos() > stalledBefore, "the claim waited before giving up");
        assertThrows(ClaimTimeoutException.class,
                () -> publisher.publishEvent((OracleEvent e, long s, Integer a) -> e.fill(0, 99), 1));
        assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "ClaimTimeoutException claims nothing");
        gate.release();
        for (int i = 0; i < 10; i++) {
            assertEquals(CAPACITY + i, publishOne(), "no hole left by the timed-out claims");
        }
        closeAndVerifyEverythingDelivered();
    }

    @ParameterizedTest(name = "{0} producer wait {1}")
    @MethodSource("modesAndProducerWaits")
    void blockWaitsForRoomAndSucceedsOnceTheStageMoves(ProducerMode mode, PoolWait producerWait) {
        heldBus(mode, OverflowPolicy.block(), producerWait);
        AsyncCall<Long> producer = AsyncCall.start(bus.name() + "-producer", () -> {
            fillRing();
            long seq = publishOne();
            for (int i = 0; i < 20; i++) {
                publishOne();
            }
            return seq;
        });
        producer.awaitParkedIn("Sequencer", BOUND_MILLIS);
        assertFalse(producer.join(100), "claim() returned while the ring was full");
        gate.release();
        assertEquals(CAPACITY, (long) producer.await(BOUND_MILLIS), "the blocked claim got the next sequence");
        assertTrue(bus.producerStallNanos() > 0, "the producer's wait on the full ring was counted");
        closeAndVerifyEverythingDelivered();
    }

    @ParameterizedTest(name = "{0} producer wait {1}")
    @MethodSource("modesAndProducerWaits")
    void plainClaimKeepsWaitingThroughAnInterruptAndKeepsTheStatus(ProducerMode mode, PoolWait producerWait) {
        heldBus(mode, OverflowPolicy.block(), producerWait);
        AsyncCall<Boolean> producer = AsyncCall.start(bus.name() + "-producer", () -> {
            fillRing();
            long seq = bus.publisher().claim();
            boolean interrupted = Thread.interrupted(); // read and clear: the rest publishes normally
            bus.publisher().get(seq).fill(0, nextProducerSeq++);
            bus.publisher().publish(seq);
            return interrupted;
        });
        producer.awaitParkedIn("Sequencer", BOUND_MILLIS);
        producer.thread().interrupt();
        assertFalse(producer.join(200), "an interrupt ended a plain claim() (documented as uninterruptible)");
        producer.awaitParkedIn("Sequencer", BOUND_MILLIS);
        if (mode == ProducerMode.SINGLE) {
            assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "nothing claimed while waiting");
        }
        gate.release();
        assertTrue(producer.await(BOUND_MILLIS), "claim() returned without the caller's interrupt status");
        closeAndVerifyEverythingDelivered();
    }

    /** Remembers the event it is handed, dawdles, and checks nobody overwrote the slot meanwhile. */
    private static boolean slotChangedWhileHeld(OracleEvent event) {
        int producer = event.producer;
        long seq = event.producerSeq;
        long checksum = event.checksum;
        LockSupport.parkNanos(20_000);
        return event.producer != producer || event.producerSeq != seq || event.checksum != checksum || !event.intact();
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void producersNeverLapASlowStageOrASlowPool(ProducerMode mode) {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        long perProducer = 1_500;
        String name = "backpressure-" + RUNS.incrementAndGet();
        bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY).producerMode(mode)
                .waitStrategy(new ParkingWaitStrategy()).shutdownTimeout(Duration.ofSeconds(20)).build();
        AtomicInteger lapped = new AtomicInteger();
        OrderChecker slowStage = new OrderChecker(producers) {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                if (slotChangedWhileHeld(event)) {
                    lapped.incrementAndGet();
                }
                check(event, sequence);
            }
        };
        HitCounter hits = new HitCounter(producers, (int) perProducer);
        List<OracleWorker> workers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            workers.add(new OracleWorker(hits) {
                @Override
                protected void handle(OracleEvent event, long sequence) {
                    if (slotChangedWhileHeld(event)) {
                        lapped.incrementAndGet();
                    }
                }
            });
        }
        bus.handleEventsWith(StageSpec.<OracleEvent>of(slowStage).named("slow"));
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).named("slow-pool"));
        bus.start();
        TimedProducers producing = TimedProducers.start(name, bus.publisher(), CAPACITY, producers, perProducer, 3_000)
                .join(30_000);
        assertTrue(bus.close(20, TimeUnit.SECONDS).drained());
        assertEquals(0, lapped.get(), "a producer overwrote a slot a stage was still reading");
        assertTrue(producing.total() > 0, "nothing was published");
        assertTrue(bus.producerStallNanos() > 0, "producers outran a 20 us/event stage without ever stalling");
        assertEquals(List.of(), slowStage.errors());
        assertEquals(producing.total(), slowStage.seen());
        assertEquals(List.of(), OracleWorker.errorsOf(workers));
        assertEquals(List.of(), hits.exactlyOnceViolations(producing.published()));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }
}
