package io.ringbus;

import io.ringbus.testkit.DelayedStartThreadFactory;
import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.JoinChecker;
import io.ringbus.testkit.MarkingChecker;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Seeds;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.WaitKind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code close()} delivers everything published before it, to every stage, including stages whose threads
 * have not started yet (Disruptor issue #517, still open there). Each round builds a small diamond, publishes
 * fewer events than the capacity and closes at once.
 */
class CloseDrainTest {
    private static final int CAPACITY = 8;
    private static final int ROUNDS = Integer.getInteger("ringbus.closeRace.rounds", 1000);

    /** A diamond a, b -> join over oracle events, with its three checkers. */
    static final class Diamond {
        final RingBus<OracleEvent> bus;
        final MarkingChecker a = new MarkingChecker(1, MarkingChecker.Mark.A);
        final MarkingChecker b = new MarkingChecker(1, MarkingChecker.Mark.B);
        final JoinChecker join = new JoinChecker(1);

        Diamond(String name, ProducerMode mode, WaitKind wait, ThreadFactory threads) {
            bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY).producerMode(mode)
                    .waitStrategy(wait.create()).threadFactory(threads).build();
            StageGroup<OracleEvent> ga = bus.handleEventsWith(StageSpec.<OracleEvent>of(a).named("a"));
            StageGroup<OracleEvent> gb = bus.handleEventsWith(StageSpec.<OracleEvent>of(b).named("b"));
            bus.after(ga, gb).then(StageSpec.<OracleEvent>of(join).named("join"));
        }

        void publish(int events) {
            Publisher<OracleEvent> p = bus.publisher();
            for (int i = 0; i < events; i++) {
                long seq = p.claim();
                p.get(seq).fill(0, i);
                p.publish(seq);
            }
        }

        void assertAllDelivered(String where, ShutdownReport report, int events) {
            assertTrue(report.drained(), where + ": " + report);
            assertEquals(events - 1, report.lastSequence(), where + ": " + report);
            Delivery.assertExactlyOnce(where + " stage a", a, events);
            Delivery.assertExactlyOnce(where + " stage b", b, events);
            Delivery.assertExactlyOnce(where + " stage join", join, events);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void closeRightAfterPublishDeliversEverything(ProducerMode mode) {
        long seed = Seeds.seed("closeRightAfterPublish " + mode);
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "closerace-" + mode + "-";
        for (int round = 0; round < ROUNDS; round++) {
            int events = 1 + random.nextInt(CAPACITY - 1);
            WaitKind wait = round % 2 == 0 ? WaitKind.PARK : WaitKind.BLOCKING;
            // every third round the stage threads start late: some may not run yet when close() begins
            ThreadFactory threads = new DelayedStartThreadFactory(random.nextLong(), round % 3 == 0 ? 3 : 0, null);
            Diamond d = new Diamond(prefix + round, mode, wait, threads);
            d.bus.start();
            d.publish(events);
            ShutdownReport report = d.bus.close(10, TimeUnit.SECONDS);
            d.assertAllDelivered("seed " + seed + " round " + round + " (" + events + " events, " + wait + ")",
                    report, events);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(prefix, 2000));
    }

    /** No stage thread runs until close() has begun; close must still wait for them and deliver everything. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void closeWaitsForStagesThatHaveNotStarted(ProducerMode mode) {
        String prefix = "unstarted-" + mode + "-";
        for (int round = 0; round < 20; round++) {
            CountDownLatch gate = new CountDownLatch(1);
            Diamond d = new Diamond(prefix + round, mode, round % 2 == 0 ? WaitKind.PARK : WaitKind.BLOCKING,
                    new DelayedStartThreadFactory(round, 0, gate));
            d.bus.start();
            int events = 1 + round % (CAPACITY - 1);
            d.publish(events);
            Thread opener = new Thread(() -> {
                while (!d.bus.isStopped()) {
                    LockSupport.parkNanos(100_000);
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5)); // let close() start waiting
                gate.countDown();
            }, prefix + round + "-opener");
            opener.setDaemon(true);
            opener.start();
            ShutdownReport report = d.bus.close(10, TimeUnit.SECONDS);
            assertFalse(report.timedOut(), report.toString());
            d.assertAllDelivered("round " + round, report, events);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(prefix, 2000));
    }

    /**
     * A producer thread publishes as fast as it can while another thread closes the bus. A claim that races
     * close either completes and its event is delivered, or throws {@link BusClosedException} with nothing
     * claimed: every publish that returned normally must be delivered, and publish never fails after a claim
     * succeeded. A small ring keeps the producer waiting for room, where a close most often lands.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void claimRacingCloseIsDeliveredOrRejected(ProducerMode mode) {
        long seed = Seeds.seed("claimRacingClose " + mode);
        SplittableRandom random = new SplittableRandom(seed);
        String prefix = "closevsclaim-" + mode + "-";
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        for (int round = 0; round < 200; round++) {
            String name = prefix + round;
            RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(4).producerMode(mode)
                    .build();
            OrderChecker checker = new OrderChecker(producers);
            bus.handleEventsWith(StageSpec.<OracleEvent>of(checker).named("only"));
            bus.start();
            RacingProducer[] racers = new RacingProducer[producers];
            for (int p = 0; p < producers; p++) {
                racers[p] = new RacingProducer(bus, p);
            }
            LockSupport.parkNanos(random.nextLong(3_000_000));
            ShutdownReport report = bus.close(10, TimeUnit.SECONDS);

            String where = "seed " + seed + " round " + round;
            long[] published = new long[producers];
            for (int p = 0; p < producers; p++) {
                published[p] = racers[p].awaitEnd(where);
            }
            assertTrue(report.drained(), where + ": " + report);
            Delivery.assertExactlyOnce(where, checker, published);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(prefix, 2000));
    }

    /** Publishes 0, 1, 2, ... until a claim is rejected; records how many publishes returned normally. */
    private static final class RacingProducer {
        private final Thread thread;
        private volatile long published;
        private volatile Throwable claimFailure;
        private volatile Throwable publishFailure;

        RacingProducer(RingBus<OracleEvent> bus, int id) {
            thread = new Thread(() -> {
                Publisher<OracleEvent> p = bus.publisher();
                for (long i = 0; ; i++) {
                    long seq;
                    try {
                        seq = p.claim();
                    } catch (BusClosedException expected) {
                        return;
                    } catch (Throwable t) {
                        claimFailure = t;
                        return;
                    }
                    try {
                        p.get(seq).fill(id, i);
                        p.publish(seq);
                        published = i + 1;
                    } catch (Throwable t) {
                        publishFailure = t;
                        return;
                    }
                }
            }, bus.name() + "-producer-" + id);
            thread.setDaemon(true);
            thread.start();
        }

        long awaitEnd(String where) {
            joinOrFail(thread);
            assertEquals(null, claimFailure, where + ": claim failed with something other than BusClosedException");
            if (publishFailure != null) {
                throw new AssertionError(where + ": " + thread.getName() + ": publish failed after its claim "
                        + "succeeded, during close; published before: " + published, publishFailure);
            }
            return published;
        }
    }

    private static void joinOrFail(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertFalse(t.isAlive(), t.getName() + " hung");
    }
}
