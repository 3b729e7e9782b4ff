package io.ringbus.wait;

import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A switch moves waiting threads to the new strategy: a stage asleep in a blocking strategy with a
 * 10-minute safety-net sleep must see the first event published after a switch to busy-spin or parking,
 * though nothing signals the old strategy any more. The 5 s bounds detect hangs; they time nothing.
 */
class SwitchableWaitStrategyTest {
    private static final long BOUND_MS = 5000;

    static final class Box {
        long value;
    }

    @Test
    void switchingAwayFromBlockingWakesTheSleeperAndDelaysNoEvent() throws Exception {
        SwitchableWaitStrategy wait = new SwitchableWaitStrategy(new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10)));
        BlockingQueue<Long> seen = new ArrayBlockingQueue<>(16);
        AtomicReference<Thread> stageThread = new AtomicReference<>();
        RingBus<Box> bus = RingBus.builder(Box::new).name("switch").capacity(8).waitStrategy(wait)
                .stageThreadFactory((info, body) -> {
                    Thread t = new Thread(body);
                    t.setDaemon(true);
                    stageThread.set(t);
                    return t;
                }).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> seen.add(box.value)).named("sink"));
        bus.start();
        try {
            publish(bus, 1);
            assertEquals(1L, seen.poll(BOUND_MS, TimeUnit.MILLISECONDS));
            awaitAsleep(stageThread.get());

            WaitStrategy before = wait.switchTo(new BusySpinWaitStrategy());
            assertTrue(before instanceof BlockingWaitStrategy, before.toString());
            publish(bus, 2);
            Long second = seen.poll(BOUND_MS, TimeUnit.MILLISECONDS);
            assertNotNull(second, "the stage stayed asleep in the old blocking strategy after the switch");
            assertEquals(2L, second);

            wait.switchTo(new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10)));
            publish(bus, 3);
            assertEquals(3L, seen.poll(BOUND_MS, TimeUnit.MILLISECONDS));
            awaitAsleep(stageThread.get());
            wait.switchTo(new ParkingWaitStrategy());
            publish(bus, 4);
            assertEquals(4L, seen.poll(BOUND_MS, TimeUnit.MILLISECONDS), "lost after switching to parking");
        } finally {
            ShutdownReport r = bus.close(10, TimeUnit.SECONDS);
            assertTrue(r.drained(), r.toString());
        }
    }

    @Test
    void eventsFlowInOrderWhileAnotherThreadKeepsSwitching() throws Exception {
        SwitchableWaitStrategy wait = new SwitchableWaitStrategy(new ParkingWaitStrategy());
        int events = 20_000;
        long[] last = {-1};
        boolean[] inOrder = {true};
        RingBus<Box> bus = RingBus.builder(Box::new).name("switching").capacity(64).waitStrategy(wait)
                .producerWaitStrategy(wait).build();
        bus.handleEventsWith(StageSpec.<Box>of((box, seq, end) -> {
            inOrder[0] &= box.value == last[0] + 1;
            last[0] = box.value;
        }).named("ordered"));
        bus.start();
        WaitStrategy[] cycle = {new BusySpinWaitStrategy(), new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10)),
                new YieldingWaitStrategy(), new ParkingWaitStrategy()};
        Thread switcher = new Thread(() -> {
            for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
                wait.switchTo(cycle[i % cycle.length]);
                LockSupport.parkNanos(50_000);
            }
        }, "switcher");
        switcher.setDaemon(true);
        switcher.start();
        try {
            for (int i = 0; i < events; i++) {
                publish(bus, i);
            }
        } finally {
            switcher.interrupt();
            switcher.join(BOUND_MS);
            ShutdownReport r = bus.close(10, TimeUnit.SECONDS);
            assertTrue(r.drained(), r.toString());
        }
        assertTrue(inOrder[0], "events out of order");
        assertEquals(events - 1, last[0]);
    }

    @Test
    void badArgumentsAreRejectedByName() {
        assertEquals("initial", assertThrows(NullPointerException.class,
                () -> new SwitchableWaitStrategy(null)).getMessage());
        SwitchableWaitStrategy s = new SwitchableWaitStrategy(new BusySpinWaitStrategy());
        assertEquals("next", assertThrows(NullPointerException.class, () -> s.switchTo(null)).getMessage());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.switchTo(s));
        assertTrue(e.getMessage().startsWith("next must not itself be a SwitchableWaitStrategy"), e.getMessage());
        WaitStrategy park = new ParkingWaitStrategy();
        s.switchTo(park);
        assertSame(park, s.current());
        assertSame(park, s.switchTo(park));
        assertTrue(s.requiresSignal());
    }

    private static void publish(RingBus<Box> bus, long value) {
        bus.publisher().publishEvent((box, seq, v) -> box.value = v, value);
    }

    /** Waits until the stage thread sleeps (in the blocking strategy's timed wait). */
    private static void awaitAsleep(Thread t) {
        long deadline = System.nanoTime() + Duration.ofMillis(BOUND_MS).toNanos();
        while (t.getState() != Thread.State.TIMED_WAITING) {
            assertTrue(System.nanoTime() < deadline, "stage thread never went to sleep: " + t.getState());
            LockSupport.parkNanos(1_000_000);
        }
    }
}
