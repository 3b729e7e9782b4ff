package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Timeouts near the top of the long range mean "wait as long as it takes": close then still joins every
 * thread, and never interrupts a stage running its shutdown hook.
 */
class CloseTimeoutOverflowTest {

    /** A stage whose onShutdown takes 200 ms in 10 ms sleeps and records any interrupt. */
    static final class SlowShutdown implements EventHandler<OracleEvent> {
        final List<String> interrupts = new CopyOnWriteArrayList<>();
        volatile boolean shutdownDone;

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
        }

        @Override
        public void onShutdown() {
            for (int i = 0; i < 20; i++) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    interrupts.add("interrupted at step " + i);
                }
            }
            shutdownDone = true;
        }
    }

    @Test
    void closeWithTheLargestTimeoutJoinsAndNeverInterrupts() {
        String name = "maxtimeout";
        SlowShutdown stage = new SlowShutdown();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(16).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(stage).named("slow"));
        bus.start();
        for (int i = 0; i < 10; i++) {
            long s = bus.publisher().claim();
            bus.publisher().get(s).fill(0, i);
            bus.publisher().publish(s);
        }
        ShutdownReport r = bus.close(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        assertEquals(List.of(), Threads.alive(name + "-"), "close returned before joining: " + r);
        assertTrue(r.drained(), r.toString());
        assertEquals(List.of(), r.stuckStages(), r.toString());
        assertEquals(List.of(), stage.interrupts);
        assertTrue(stage.shutdownDone, "onShutdown had not finished when close returned");
    }

    @Test
    void foreverShutdownTimeoutCloses() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("forever").capacity(16)
                .shutdownTimeout(ChronoUnit.FOREVER.getDuration()).build();
        bus.handleEventsWith((e, s, end) -> { });
        bus.start();
        assertDoesNotThrow(() -> bus.close());
        assertTrue(bus.isStopped());
        assertEquals(List.of(), Threads.awaitNoneAlive("forever-", 2000));
    }

    @Test
    void blockUpToSaturatesAHugeDuration() {
        OverflowPolicy p = assertDoesNotThrow(() -> OverflowPolicy.blockUpTo(ChronoUnit.FOREVER.getDuration()));
        assertEquals(Long.MAX_VALUE, p.timeoutNanos());
        assertEquals(Long.MAX_VALUE, OverflowPolicy.blockUpTo(Duration.ofSeconds(Long.MAX_VALUE)).timeoutNanos());
        assertEquals(5_000_000L, OverflowPolicy.blockUpTo(Duration.ofMillis(5)).timeoutNanos());
    }
}
