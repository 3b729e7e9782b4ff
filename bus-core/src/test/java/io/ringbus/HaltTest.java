package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Seeds;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.WaitKind;
import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code halt()} stops every thread at once, whatever they wait with, and every later claim is rejected. */
class HaltTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(WaitKind.class)
    void haltStopsIdleStagesAndRejectsClaims(WaitKind kind) throws Exception {
        String name = "halt-" + kind;
        // a blocking stage must be woken by the halt's signal, not by its safety-net timeout
        WaitStrategy wait = kind == WaitKind.BLOCKING ? new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10))
                : kind.create();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).waitStrategy(wait)
                .producerMode(ProducerMode.MULTI).build();
        OrderChecker first = new OrderChecker(1);
        StageGroup<OracleEvent> group = bus.handleEventsWith(StageSpec.<OracleEvent>of(first).named("first"));
        if (!kind.spins()) { // one spinning stage plus the test thread fits 2 cores
            group.then(StageSpec.<OracleEvent>of(new OrderChecker(1)).named("second"))
                    .then(StageSpec.<OracleEvent>of(new OrderChecker(1)).named("third"));
        }
        bus.start();
        for (int i = 0; i < 5; i++) {
            long seq = bus.publisher().claim();
            bus.publisher().get(seq).fill(0, i);
            bus.publisher().publish(seq);
        }
        Bounded.awaitTrue("first stage to see 5 events", Duration.ofSeconds(10), () -> first.seen() == 5);

        bus.halt();
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS), "stage threads still alive 1 s after halt");
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 1000));
        assertTrue(bus.isStopped());
        assertRejected(() -> bus.publisher().claim());
        assertRejected(() -> bus.publisher().claim(2));
        assertRejected(() -> bus.publisher().claim(1, 1, TimeUnit.SECONDS));
        assertRejected(() -> bus.publisher().tryClaim());
        assertRejected(() -> bus.publisher().tryClaim(2));
        assertRejected(() -> bus.publisher().publishEvent((e, s, a) -> e.fill(0, a), 5L));
        assertRejected(() -> bus.publisher().tryPublishEvent((e, s, a) -> e.fill(0, a), 5L));
        assertEquals(4, bus.lastClaimedSequence(), "rejected claims claimed nothing");
    }

    static void assertRejected(Executable claim) {
        BusClosedException e = assertThrows(BusClosedException.class, claim);
        assertTrue(e.getMessage().contains("bus is closed"), e.getMessage());
    }

    /**
     * halt() racing 4 publishers, 200 rounds: halt returns, every thread is gone within a second, every
     * publisher gets an exception instead of hanging, and each producer's delivered events form a gap-free
     * prefix of what it published.
     */
    @Test
    void haltRacingFourPublishers() throws Exception {
        long seed = Seeds.seed("haltRacingFourPublishers");
        SplittableRandom random = new SplittableRandom(seed);
        int producers = 4;
        for (int round = 0; round < 200; round++) {
            String name = "haltrace-" + round;
            RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8)
                    .producerMode(ProducerMode.MULTI)
                    .waitStrategy(round % 2 == 0 ? WaitKind.PARK.create() : WaitKind.BLOCKING.create())
                    .producerWaitStrategy(round % 2 == 0 ? WaitKind.BLOCKING.create() : WaitKind.PARK.create())
                    .build();
            OrderChecker first = new OrderChecker(producers);
            OrderChecker second = new OrderChecker(producers);
            bus.handleEventsWith(StageSpec.<OracleEvent>of(first).named("first"))
                    .then(StageSpec.<OracleEvent>of(second).named("second"));
            bus.start();
            AtomicLongArray published = new AtomicLongArray(producers);
            AtomicReferenceArray<Throwable> ended = new AtomicReferenceArray<>(producers);
            List<Thread> threads = new ArrayList<>();
            for (int p = 0; p < producers; p++) {
                int id = p;
                Thread t = new Thread(() -> {
                    try {
                        for (long i = 0; ; i++) {
                            long seq = bus.publisher().claim();
                            bus.publisher().get(seq).fill(id, i);
                            bus.publisher().publish(seq);
                            published.set(id, i + 1);
                        }
                    } catch (Throwable t2) {
                        ended.set(id, t2);
                    }
                }, "halt-producer-" + round + "-" + p);
                t.setDaemon(true);
                threads.add(t);
                t.start();
            }
            LockSupport.parkNanos(random.nextLong(2_000_000));
            Bounded.run("halt()", Duration.ofSeconds(5), bus::halt);
            String where = "seed " + seed + " round " + round;
            assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS), where + ": stage threads alive 1 s after halt");
            for (int p = 0; p < producers; p++) {
                threads.get(p).join(5000);
                assertFalse(threads.get(p).isAlive(), where + ": producer " + p + " hangs after halt");
                assertTrue(ended.get(p) instanceof BusClosedException,
                        where + ": producer " + p + " ended with " + ended.get(p));
            }
            for (OrderChecker c : List.of(first, second)) {
                assertEquals(List.of(), c.errors(), where);
                for (int p = 0; p < producers; p++) {
                    assertTrue(c.delivered(p) <= published.get(p), where + ": producer " + p + " delivered "
                            + c.delivered(p) + " but published " + published.get(p));
                }
            }
        }
        assertEquals(List.of(), Threads.awaitNoneAlive("haltrace-", 1000));
    }
}
