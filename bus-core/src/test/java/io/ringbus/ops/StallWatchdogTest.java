package io.ringbus.ops;

import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.StallReport;
import io.ringbus.StageStats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The watchdog reports a stage with a backlog that stopped advancing, once per episode, and never a stage that
 * keeps up or is merely idle. Bounds of seconds detect hangs; the 300 ms quiet periods only give a wrong
 * second report time to appear.
 */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StallWatchdogTest {
    private static final long BOUND_MS = 5000;

    @Test
    void reportsEachStallEpisodeOnceAndOnlyForTheStalledStage() throws Exception {
        BlockingQueue<StallReport> reports = new LinkedBlockingQueue<>();
        CountDownLatch[] gates = {new CountDownLatch(1), new CountDownLatch(1)};
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("watched").capacity(16)
                .stallWatchdog(Duration.ofMillis(50), reports::add).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> {
            if (e[0] == 1 || e[0] == 3) {
                gates[(int) e[0] / 2].await(); // event 1 holds the stage until gate 0 opens, event 3 until gate 1
            }
        }).named("slow"), StageSpec.<long[]>of((e, s, end) -> { }).named("fast"));
        bus.start();
        try {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(300));
            assertNull(reports.poll(), "an idle bus has no stall");
            publish(bus, 0);
            while (stats(bus, "slow").sequence() < 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1)); // event 0 in a batch of its own
            }
            publish(bus, 1);
            publish(bus, 2);
            StallReport first = reports.poll(BOUND_MS, TimeUnit.MILLISECONDS);
            assertNotNull(first, "no stall reported");
            assertEquals("watched", first.bus());
            assertEquals("slow", first.stage());
            assertEquals("broadcast", first.kind());
            assertEquals(0, first.sequence(), "it finished event 0 and hangs in event 1");
            assertEquals(2, first.backlog());
            assertTrue(first.stalledFor().compareTo(Duration.ofMillis(50)) >= 0, first.toString());
            assertNull(reports.poll(300, TimeUnit.MILLISECONDS), "reported twice in one episode");
            assertEquals(1, stats(bus, "slow").stalls());
            assertEquals(0, stats(bus, "fast").stalls());

            gates[0].countDown(); // recovers, then stalls anew on event 3
            publish(bus, 3);
            publish(bus, 4);
            StallReport second = reports.poll(BOUND_MS, TimeUnit.MILLISECONDS);
            assertNotNull(second, "the second episode was not reported");
            assertEquals("slow", second.stage());
            assertEquals(2, second.sequence());
            assertEquals(2, stats(bus, "slow").stalls());
            gates[1].countDown();
        } finally {
            gates[0].countDown();
            gates[1].countDown();
            bus.close(10, TimeUnit.SECONDS);
        }
        assertNull(reports.poll(), "only the slow stage's two episodes: " + reports);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        var b = RingBus.builder(() -> new long[1]);
        assertEquals("stallTimeout", assertThrows(NullPointerException.class,
                () -> b.stallWatchdog(null, r -> { })).getMessage());
        assertEquals("stallListener", assertThrows(NullPointerException.class,
                () -> b.stallWatchdog(Duration.ofSeconds(1), null)).getMessage());
        assertEquals("stallTimeout must be in [1 ms, 1 day]: PT0S", assertThrows(IllegalArgumentException.class,
                () -> b.stallWatchdog(Duration.ZERO, r -> { })).getMessage());
        assertEquals("countersInterval must be in [1 ms, 1 min]: PT2M", assertThrows(IllegalArgumentException.class,
                () -> b.countersInterval(Duration.ofMinutes(2))).getMessage());
        assertEquals("countersDir", assertThrows(NullPointerException.class, () -> b.counters(null)).getMessage());
        assertEquals("producerStallEventThreshold must be >= 0: PT-1S", assertThrows(IllegalArgumentException.class,
                () -> b.producerStallEventThreshold(Duration.ofSeconds(-1))).getMessage());
    }

    private static void publish(RingBus<long[]> bus, long v) {
        bus.publisher().publishEvent((e, s, value) -> e[0] = value, v);
    }

    private static StageStats stats(RingBus<long[]> bus, String stage) {
        return bus.stats().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow();
    }
}
