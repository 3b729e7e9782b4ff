package io.ringbus.wait;

import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import io.ringbus.testkit.Seeds;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No lost wake-up (Disruptor bug #119): ping-pong through two buses whose stages park or block, with random
 * idle gaps of 0-20 ms, so that every stage goes idle and must be woken by the next publish. Each reply must
 * arrive within 2 s; that bound is a hang detector, not a timing assertion. A blocking strategy gets a
 * 10-minute safety-net sleep so that only the signal can wake it in time.
 */
class WakeUpPingPongTest {
    private static final int ROUND_TRIPS = 50;
    private static final long REPLY_BOUND_MS = 2000;

    /** A mutable long, the event of both buses. */
    static final class Box {
        long value;
    }

    private static Supplier<WaitStrategy> strategy(String kind) {
        return kind.equals("park") ? ParkingWaitStrategy::new
                : () -> new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10));
    }

    /** main -> ping bus -> (its stage publishes) -> pong bus -> (its stage) -> main. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"park", "blocking"})
    void pingPongWithIdleGapsNeverLosesAWakeUp(String kind) throws Exception {
        SplittableRandom random = new SplittableRandom(Seeds.seed("pingPong " + kind));
        BlockingQueue<Long> replies = new ArrayBlockingQueue<>(1);
        RingBus<Box> pong = RingBus.builder(Box::new).name("pong-" + kind).capacity(4)
                .waitStrategy(strategy(kind).get()).producerWaitStrategy(strategy(kind).get()).build();
        pong.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> replies.add(box.value)).named("reply"));
        RingBus<Box> ping = RingBus.builder(Box::new).name("ping-" + kind).capacity(4)
                .waitStrategy(strategy(kind).get()).producerWaitStrategy(strategy(kind).get()).build();
        Publisher<Box> toPong = pong.publisher();
        ping.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> {
            long s = toPong.claim(); // this stage thread is the pong bus's single producer
            toPong.get(s).value = box.value + 1;
            toPong.publish(s);
        }).named("echo"));
        pong.start();
        ping.start();
        try {
            Publisher<Box> toPing = ping.publisher();
            for (int i = 0; i < ROUND_TRIPS; i++) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(random.nextInt(21)));
                long s = toPing.claim();
                toPing.get(s).value = 1000L * i;
                toPing.publish(s);
                Long reply = replies.poll(REPLY_BOUND_MS, TimeUnit.MILLISECONDS);
                assertNotNull(reply, "round trip " + i + ": no reply within " + REPLY_BOUND_MS + " ms (lost wake-up)");
                assertEquals(1000L * i + 1, reply);
            }
        } finally {
            ShutdownReport pingReport = ping.close(10, TimeUnit.SECONDS);
            ShutdownReport pongReport = pong.close(10, TimeUnit.SECONDS);
            assertTrue(pingReport.drained(), pingReport.toString());
            assertTrue(pongReport.drained(), pongReport.toString());
        }
        assertEquals(List.of(), Threads.awaitNoneAlive("ping-" + kind + "-", 2000));
        assertEquals(List.of(), Threads.awaitNoneAlive("pong-" + kind + "-", 2000));
    }

    /**
     * The producer side: capacity 1, so every claim waits for the stage to free the slot after a random
     * 0-5 ms pause; the producer's wait must be woken by the stage's progress.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"park", "blocking"})
    void producerWaitingOnAFullRingIsWoken(String kind) {
        SplittableRandom random = new SplittableRandom(Seeds.seed("producerWake " + kind));
        long[] pauses = new long[ROUND_TRIPS + 1];
        for (int i = 0; i < pauses.length; i++) {
            pauses[i] = TimeUnit.MILLISECONDS.toNanos(random.nextInt(6));
        }
        long[] seen = new long[1];
        RingBus<Box> bus = RingBus.builder(Box::new).name("fullring-" + kind).capacity(1)
                .producerMode(ProducerMode.SINGLE)
                .waitStrategy(strategy(kind).get()).producerWaitStrategy(strategy(kind).get()).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> {
            LockSupport.parkNanos(pauses[(int) box.value]);
            seen[0]++;
        }).named("slow"));
        bus.start();
        Publisher<Box> p = bus.publisher();
        for (int i = 0; i < ROUND_TRIPS; i++) {
            long s = p.claim(1, REPLY_BOUND_MS, TimeUnit.MILLISECONDS);
            assertTrue(s >= 0, "claim " + i + " not granted within " + REPLY_BOUND_MS + " ms (lost wake-up): " + s);
            p.get(s).value = i;
            p.publish(s);
        }
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        assertEquals(ROUND_TRIPS, seen[0]);
        assertEquals(List.of(), Threads.awaitNoneAlive("fullring-" + kind + "-", 2000));
    }
}
