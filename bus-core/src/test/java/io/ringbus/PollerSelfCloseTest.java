package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A close waits for every poller to catch up, so a close from a poller's own thread while that poller still
 * has events to poll, or from inside a poll handler, would wait for itself: it is rejected at once and the
 * bus keeps running.
 */
class PollerSelfCloseTest {

    private static RingBus<OracleEvent> bus(String name) {
        return RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
    }

    private static void publish(RingBus<OracleEvent> bus, long i) {
        long s = bus.publisher().claim();
        bus.publisher().get(s).fill(0, i);
        bus.publisher().publish(s);
    }

    @Test
    void closeFromThePollingThreadWithABacklogIsRejected() {
        RingBus<OracleEvent> bus = bus("selfclose-backlog");
        Poller<OracleEvent> poller = bus.newPoller("agent");
        bus.start();
        AtomicLong seen = new AtomicLong();
        assertEquals(PollState.IDLE, poller.poll((e, s, end) -> seen.incrementAndGet(), 16));
        publish(bus, 0);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bus.close(5, TimeUnit.SECONDS));
        assertTrue(e.getMessage().contains("'agent'"), e.getMessage());
        assertFalse(bus.isStopped(), "a rejected close must leave the bus running: " + bus);
        assertThrows(IllegalStateException.class, bus::close);
        assertFalse(bus.isStopped());

        assertEquals(PollState.PROCESSED, poller.poll((ev, s, end) -> seen.incrementAndGet(), 16));
        assertEquals(1, seen.get());
        ShutdownReport r = bus.close(5, TimeUnit.SECONDS); // caught up: nothing to wait for
        assertTrue(r.drained(), r.toString());
        assertFalse(r.timedOut());
        assertEquals(PollState.CLOSED, poller.poll((ev, s, end) -> seen.incrementAndGet(), 16));
    }

    @Test
    void closeFromInsideAPollHandlerIsRejected() {
        RingBus<OracleEvent> bus = bus("selfclose-handler");
        Poller<OracleEvent> poller = bus.newPoller("agent");
        bus.start();
        publish(bus, 0);
        List<Throwable> thrown = new CopyOnWriteArrayList<>();
        assertEquals(PollState.PROCESSED, poller.poll((e, s, end) -> {
            try {
                bus.close(5, TimeUnit.SECONDS);
            } catch (IllegalStateException ex) {
                thrown.add(ex);
            }
        }, 16));
        assertEquals(1, thrown.size(), String.valueOf(thrown));
        assertTrue(thrown.get(0).getMessage().contains("'agent'"), thrown.get(0).getMessage());
        assertFalse(bus.isStopped());
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
    }

    /** Another thread may close while the poller has a backlog; the close then waits for it as documented. */
    @Test
    void closeFromAnotherThreadStillWaitsForThePoller() throws Exception {
        RingBus<OracleEvent> bus = bus("selfclose-other");
        Poller<OracleEvent> poller = bus.newPoller("agent");
        bus.start();
        publish(bus, 0);
        java.util.concurrent.FutureTask<ShutdownReport> close =
                new java.util.concurrent.FutureTask<>(() -> bus.close(10, TimeUnit.SECONDS));
        Thread closer = new Thread(close, "selfclose-closer");
        closer.setDaemon(true);
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (poller.poll((e, s, end) -> { }, 16) != PollState.CLOSED) {
            assertTrue(System.nanoTime() - deadline < 0, "poller did not see CLOSED");
            Thread.onSpinWait();
        }
        assertTrue(close.get(10, TimeUnit.SECONDS).drained());
    }
}
