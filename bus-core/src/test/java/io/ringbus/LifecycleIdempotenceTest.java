package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every lifecycle call is safe to repeat and to combine, and the hooks run once each on the stage's thread. */
class LifecycleIdempotenceTest {

    /** Records which thread ran each callback, and in what order. */
    static final class RecordingHandler extends OrderChecker {
        final List<String> calls = new ArrayList<>();

        RecordingHandler() {
            super(1);
        }

        @Override
        public void onStart() {
            calls.add("onStart@" + Thread.currentThread().getName());
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            check(event, sequence);
            String call = "onEvent@" + Thread.currentThread().getName();
            if (!calls.get(calls.size() - 1).equals(call)) {
                calls.add(call);
            }
        }

        @Override
        public void onShutdown() {
            calls.add("onShutdown@" + Thread.currentThread().getName());
        }
    }

    private static RingBus<OracleEvent> bus(String name, EventHandler<OracleEvent> handler) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.of(handler).named("only"));
        return bus;
    }

    private static void publish(RingBus<OracleEvent> bus, long from, long to) {
        for (long i = from; i < to; i++) {
            long seq = bus.publisher().claim();
            bus.publisher().get(seq).fill(0, i);
            bus.publisher().publish(seq);
        }
    }

    @Test
    void hooksRunOnceEachOnTheStageThread() {
        String name = "hooks";
        RecordingHandler first = new RecordingHandler();
        RecordingHandler second = new RecordingHandler();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(first).named("first"))
                .then(StageSpec.<OracleEvent>of(second).named("second"));
        bus.start();
        publish(bus, 0, 20);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of("onStart@hooks-first", "onEvent@hooks-first", "onShutdown@hooks-first"), first.calls);
        assertEquals(List.of("onStart@hooks-second", "onEvent@hooks-second", "onShutdown@hooks-second"),
                second.calls);
        assertEquals(20, second.seen());
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    @Test
    void hooksRunOnceEachWhenHalted() throws Exception {
        RecordingHandler handler = new RecordingHandler();
        RingBus<OracleEvent> bus = bus("hookshalt", handler);
        bus.start();
        publish(bus, 0, 3);
        Bounded.awaitTrue("3 events", Duration.ofSeconds(10), () -> handler.seen() == 3);
        bus.halt();
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(List.of("onStart@hookshalt-only", "onEvent@hookshalt-only", "onShutdown@hookshalt-only"),
                handler.calls);
    }

    @Test
    void startTwiceThrowsAndTheBusStillWorks() {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = bus("starttwice", checker);
        bus.start();
        assertThrows(IllegalStateException.class, bus::start);
        publish(bus, 0, 5);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(5, checker.seen());
        assertThrows(IllegalStateException.class, bus::start, "start after close");
    }

    @Test
    void closeTwiceReturnsTheSameReport() {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = bus("closetwice", checker);
        bus.start();
        publish(bus, 0, 5);
        ShutdownReport first = bus.close(10, TimeUnit.SECONDS);
        assertTrue(first.drained(), first.toString());
        assertSame(first, bus.close(10, TimeUnit.SECONDS));
        assertSame(first, bus.close(0, TimeUnit.SECONDS));
        assertDoesNotThrow(() -> bus.close());
        assertEquals(5, checker.seen());
        assertEquals(List.of(), Threads.awaitNoneAlive("closetwice-", 2000));
    }

    @Test
    void haltTwiceAndCloseAfterHalt() throws Exception {
        RingBus<OracleEvent> bus = bus("halttwice", new OrderChecker(1));
        bus.start();
        publish(bus, 0, 3);
        bus.halt();
        assertDoesNotThrow(bus::halt);
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        ShutdownReport report = Bounded.call("close after halt", Duration.ofSeconds(10),
                () -> bus.close(1, TimeUnit.SECONDS));
        assertFalse(report.timedOut(), report.toString());
        assertEquals(List.of(), report.stuckStages());
        assertSame(report, bus.close(1, TimeUnit.SECONDS));
        assertDoesNotThrow(bus::halt);
        assertTrue(bus.isStopped());
        assertEquals(List.of(), Threads.awaitNoneAlive("halttwice-", 2000));
    }

    @Test
    void haltAfterCloseIsHarmless() throws Exception {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = bus("haltafterclose", checker);
        bus.start();
        publish(bus, 0, 4);
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        assertTrue(report.drained());
        assertDoesNotThrow(bus::halt);
        assertDoesNotThrow(bus::halt);
        assertSame(report, bus.close(10, TimeUnit.SECONDS), "halt after close does not change the report");
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(4, checker.seen());
    }

    @Test
    void claimBeforeStartIsRejected() {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = bus("claimbeforestart", checker);
        assertThrows(IllegalStateException.class, () -> bus.publisher().claim());
        assertThrows(IllegalStateException.class, () -> bus.publisher().claim(2));
        assertThrows(IllegalStateException.class, () -> bus.publisher().tryClaim());
        assertThrows(IllegalStateException.class, () -> bus.publisher().claim(1, 1, TimeUnit.MILLISECONDS));
        assertThrows(IllegalStateException.class,
                () -> bus.publisher().publishEvent((e, s, a) -> e.fill(0, a), 0L));
        assertEquals(-1, bus.lastClaimedSequence(), "nothing claimed before start");
        bus.start();
        publish(bus, 0, 2);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(2, checker.seen());
    }

    @Test
    void claimAfterCloseIsRejected() {
        RingBus<OracleEvent> bus = bus("claimafterclose", new OrderChecker(1));
        bus.start();
        publish(bus, 0, 2);
        bus.close();
        IllegalStateException e = assertThrows(BusClosedException.class, () -> bus.publisher().claim());
        assertTrue(e.getMessage().contains("bus is closed"), e.getMessage());
        assertThrows(BusClosedException.class, () -> bus.publisher().tryClaim());
        assertEquals(1, bus.lastClaimedSequence());
    }

    @Test
    void closeBeforeStartThenStartThrows() throws Exception {
        RingBus<OracleEvent> bus = bus("closebeforestart", new OrderChecker(1));
        ShutdownReport report = bus.close(1, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        assertEquals(-1, report.lastSequence());
        assertThrows(IllegalStateException.class, bus::start);
        assertThrows(IllegalStateException.class, () -> bus.publisher().claim());
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(List.of(), Threads.awaitNoneAlive("closebeforestart-", 500));
    }

    @Test
    void closeFromAStageThreadIsRejectedAndHaltFromAHandlerWorks() throws Exception {
        List<Throwable> fromHandler = new CopyOnWriteArrayList<>();
        AtomicReference<RingBus<OracleEvent>> self = new AtomicReference<>();
        EventHandler<OracleEvent> handler = (event, sequence, endOfBatch) -> {
            if (event.producerSeq == 2) {
                try {
                    self.get().close(1, TimeUnit.SECONDS); // would wait for this very thread
                } catch (Throwable t) {
                    fromHandler.add(t);
                }
            }
            if (event.producerSeq == 5) {
                self.get().halt();
            }
        };
        RingBus<OracleEvent> bus = bus("selfclose", handler);
        self.set(bus);
        bus.start();
        publish(bus, 0, 6);
        Bounded.awaitTrue("the handler to halt the bus", Duration.ofSeconds(10), bus::isStopped);
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(1, fromHandler.size(), fromHandler.toString());
        assertTrue(fromHandler.get(0) instanceof IllegalStateException, fromHandler.toString());
        assertThrows(BusClosedException.class, () -> bus.publisher().claim());
    }

    @Test
    void concurrentClosesReturnTheSameReport() throws Exception {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = bus("concurrentclose", checker);
        bus.start();
        publish(bus, 0, 8);
        CyclicBarrier barrier = new CyclicBarrier(2);
        FutureTask<ShutdownReport> other = new FutureTask<>(() -> {
            barrier.await();
            return bus.close(10, TimeUnit.SECONDS);
        });
        Thread t = new Thread(other, "concurrentclose-closer");
        t.setDaemon(true);
        t.start();
        barrier.await(10, TimeUnit.SECONDS);
        ShutdownReport mine = bus.close(10, TimeUnit.SECONDS);
        assertSame(mine, other.get(10, TimeUnit.SECONDS));
        assertTrue(mine.drained(), mine.toString());
        assertEquals(8, checker.seen());
    }
}
