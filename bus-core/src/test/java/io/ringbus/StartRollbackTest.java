package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A stage thread that cannot be started leaves the bus stopped, with every started thread joined. */
class StartRollbackTest {

    @Test
    void threadStartFailureHaltsTheBus() {
        OutOfMemoryError cause = new OutOfMemoryError("unable to create native thread (simulated)");
        AtomicInteger made = new AtomicInteger();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("startfail").capacity(8)
                .threadFactory(body -> {
                    if (made.incrementAndGet() == 2) {
                        return new Thread(body) {
                            @Override
                            public synchronized void start() {
                                throw cause;
                            }
                        };
                    }
                    Thread t = new Thread(body);
                    t.setDaemon(true);
                    return t;
                }).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> { }).named("first"));
        bus.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> { }).named("second"));
        bus.handleEventsWith(StageSpec.<OracleEvent>of((e, s, end) -> { }).named("third"));

        Throwable e = null;
        try { // not assertThrows: JUnit rethrows an OutOfMemoryError as unrecoverable
            bus.start();
        } catch (Throwable t) {
            e = t;
        }
        assertInstanceOf(IllegalStateException.class, e, "start() must fail, naming the stage");
        assertFalse(e instanceof BusClosedException);
        assertSame(cause, e.getCause());
        assertTrue(e.getMessage().contains("'second'"), e.getMessage());
        assertTrue(bus.isStopped(), bus.toString());
        assertThrows(BusClosedException.class, () -> bus.publisher().claim());
        assertThrows(BusClosedException.class, () -> bus.publisher().tryClaim());
        assertEquals(List.of(), Threads.alive("startfail-"), "the thread that started was not joined");
        assertInstanceOf(IllegalStateException.class, assertThrows(IllegalStateException.class, bus::start));
        ShutdownReport r = bus.close(5, TimeUnit.SECONDS);
        assertFalse(r.timedOut(), r.toString());
        assertEquals(List.of(), r.stuckStages());
    }
}
