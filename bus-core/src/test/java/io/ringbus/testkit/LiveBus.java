package io.ringbus.testkit;

import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A small running bus with one checked stage, for misuse tests: after each rejected call,
 * {@link #assertStillDelivers()} proves the bus still works by publishing one more event and waiting for it.
 * The calling thread is the bus's producer.
 */
public final class LiveBus implements AutoCloseable {
    public static final int CAPACITY = 8;

    public final RingBus<OracleEvent> bus;
    public final OrderChecker checker = new OrderChecker(1);
    private long next;

    public LiveBus(String name, ProducerMode mode) {
        bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY).producerMode(mode).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(checker).named("checked"));
        bus.start();
    }

    public Publisher<OracleEvent> publisher() {
        return bus.publisher();
    }

    /** Fills the claimed slot with the next event of producer 0. */
    public void fill(long sequence) {
        bus.publisher().get(sequence).fill(0, next++);
    }

    /** Publishes one event and waits until the stage has seen it intact and in order. */
    public void assertStillDelivers() {
        long seq = bus.publisher().claim();
        fill(seq);
        bus.publisher().publish(seq);
        long expected = next;
        Bounded.awaitTrue("event " + (expected - 1) + " to be delivered", Duration.ofSeconds(10),
                () -> checker.seen() >= expected);
        assertEquals(List.of(), checker.errors());
        assertEquals(expected, checker.seen());
    }

    @Override
    public void close() {
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        Delivery.assertExactlyOnce(bus.name(), checker, next);
        assertEquals(List.of(), Threads.awaitNoneAlive(bus.name() + "-", 2000));
    }
}
