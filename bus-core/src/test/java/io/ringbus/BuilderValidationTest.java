package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad configuration is rejected at once with an exception that names the parameter, and a rejected setter
 * leaves the builder as it was: it still builds a working bus with the earlier settings.
 */
class BuilderValidationTest {

    @ParameterizedTest(name = "capacity {0}")
    @ValueSource(ints = {0, -1, 3, 6, 1000, 1023, (1 << 30) + 1, Integer.MAX_VALUE, Integer.MIN_VALUE, -1024})
    void capacityMustBeAPowerOfTwoUpTo2To30(int capacity) {
        RingBusBuilder<OracleEvent> builder = RingBus.builder(OracleEvent::new).capacity(4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> builder.capacity(capacity));
        assertEquals("capacity must be a power of 2 in [1, 2^30]: " + capacity, e.getMessage());
        RingBus<OracleEvent> bus = builder.name("capacity-" + capacity).build();
        assertEquals(4, bus.capacity(), "the rejected capacity changed nothing");
        assertDeliversOneEvent(bus);
    }

    @Test
    void nullsAreRejectedNamingTheParameter() {
        RingBusBuilder<OracleEvent> b = RingBus.builder(OracleEvent::new).name("nulls").capacity(4);
        assertNpeNaming("eventFactory", () -> RingBus.<OracleEvent>builder(null));
        assertNpeNaming("producerMode", () -> b.producerMode(null));
        assertNpeNaming("waitStrategy", () -> b.waitStrategy(null));
        assertNpeNaming("producerWaitStrategy", () -> b.producerWaitStrategy(null));
        assertNpeNaming("overflowPolicy", () -> b.overflowPolicy(null));
        assertNpeNaming("exceptionPolicy", () -> b.exceptionPolicy(null));
        assertNpeNaming("threadFactory", () -> b.threadFactory(null));
        assertNpeNaming("name", () -> b.name(null));
        assertNpeNaming("shutdownTimeout", () -> b.shutdownTimeout(null));
        assertNpeNaming("handler", () -> StageSpec.<OracleEvent>of(null));
        StageSpec<OracleEvent> spec = StageSpec.of(new OrderChecker(1));
        assertNpeNaming("waitStrategy", () -> spec.waitStrategy(null));
        assertNpeNaming("exceptionPolicy", () -> spec.exceptionPolicy(null));
        assertNpeNaming("name", () -> spec.named(null));
        assertNpeNaming("factory", () -> WorkerPoolSpec.<OracleEvent>of(2, null));
        assertNpeNaming("handlers", () -> WorkerPoolSpec.<OracleEvent>of(null));
        WorkerPoolSpec<OracleEvent> pool = WorkerPoolSpec.of(2, () -> (event, sequence) -> { });
        assertNpeNaming("waitStrategy", () -> pool.waitStrategy(null));
        assertNpeNaming("exceptionPolicy", () -> pool.exceptionPolicy(null));
        assertNpeNaming("keyFunction", () -> pool.partitionBy(null));
        assertNpeNaming("listener", () -> ExceptionPolicy.<OracleEvent>callback(null));
        assertNpeNaming("then", () -> ExceptionPolicy.<OracleEvent>retry(1, null));
        assertNpeNaming("timeout", () -> OverflowPolicy.blockUpTo(null));
        RingBus<OracleEvent> bus = b.build();
        assertEquals("nulls", bus.name());
        assertDeliversOneEvent(bus);
    }

    @Test
    void outOfRangeSettingsAreRejectedNamingTheParameter() {
        RingBusBuilder<OracleEvent> b = RingBus.builder(OracleEvent::new).name("ranges").capacity(4)
                .shutdownTimeout(Duration.ofSeconds(5));
        assertIaeNaming("shutdownTimeout", () -> b.shutdownTimeout(Duration.ZERO));
        assertIaeNaming("shutdownTimeout", () -> b.shutdownTimeout(Duration.ofMillis(-1)));
        assertIaeNaming("maxBatchSize", () -> b.maxBatchSize(0));
        assertIaeNaming("maxBatchSize", () -> b.maxBatchSize(-3));
        assertIaeNaming("name", () -> b.name(" "));
        assertIaeNaming("timeout", () -> OverflowPolicy.blockUpTo(Duration.ZERO));
        assertIaeNaming("timeout", () -> OverflowPolicy.blockUpTo(Duration.ofSeconds(-1)));
        assertIaeNaming("maxRetries", () -> ExceptionPolicy.retry(0, ExceptionPolicy.<OracleEvent>logAndContinue()));
        StageSpec<OracleEvent> spec = StageSpec.of(new OrderChecker(1));
        assertIaeNaming("maxBatchSize", () -> spec.maxBatchSize(0));
        assertIaeNaming("name", () -> spec.named(""));
        assertIaeNaming("workers", () -> WorkerPoolSpec.<OracleEvent>of(0, () -> (event, sequence) -> { }));
        assertIaeNaming("workers", () -> WorkerPoolSpec.<OracleEvent>of(-1, () -> (event, sequence) -> { }));
        assertIaeNaming("workers", () -> WorkerPoolSpec.<OracleEvent>of(List.of()));
        RingBus<OracleEvent> bus = b.build();
        assertEquals("ranges", bus.name());
        assertDeliversOneEvent(bus);
    }

    @Test
    void eventFactoryReturningNullIsRejectedNamingTheSlot() {
        AtomicInteger calls = new AtomicInteger();
        RingBusBuilder<OracleEvent> b = RingBus.builder(() -> calls.getAndIncrement() == 3 ? null : new OracleEvent())
                .capacity(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("slot 3"), e.getMessage());
        assertTrue(e.getMessage().contains("null"), e.getMessage());
    }

    @Test
    void eventFactoryThrowingIsRejectedNamingTheSlot() {
        AtomicInteger calls = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("boom");
        RingBusBuilder<OracleEvent> b = RingBus.builder(() -> {
            if (calls.getAndIncrement() == 5) {
                throw boom;
            }
            return new OracleEvent();
        }).capacity(8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
        assertTrue(e.getMessage().contains("slot 5"), e.getMessage());
        assertSame(boom, e.getCause());
    }

    static void assertNpeNaming(String parameter, Executable call) {
        NullPointerException e = assertThrows(NullPointerException.class, call, parameter);
        assertTrue(e.getMessage() != null && e.getMessage().contains(parameter),
                "NPE should name '" + parameter + "': " + e.getMessage());
    }

    static void assertIaeNaming(String parameter, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call, parameter);
        assertTrue(e.getMessage() != null && e.getMessage().contains(parameter),
                "IAE should name '" + parameter + "': " + e.getMessage());
    }

    /** Wires one checked stage, publishes one event, and checks it arrived. */
    static void assertDeliversOneEvent(RingBus<OracleEvent> bus) {
        OrderChecker checker = new OrderChecker(1);
        bus.handleEventsWith(checker);
        bus.start();
        long seq = bus.publisher().claim();
        bus.publisher().get(seq).fill(0, 0);
        bus.publisher().publish(seq);
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);
        assertTrue(report.drained(), report.toString());
        assertEquals(1, checker.seen());
        assertEquals(List.of(), checker.errors());
    }
}
