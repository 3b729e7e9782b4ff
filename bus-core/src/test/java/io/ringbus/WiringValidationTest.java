package io.ringbus;

import io.ringbus.testkit.LiveBus;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static io.ringbus.BuilderValidationTest.assertNpeNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bad wiring is rejected (IAE for a bad graph, ISE once the graph is fixed), a rejected call adds nothing,
 * and the bus still works afterwards.
 */
class WiringValidationTest {

    private static RingBus<OracleEvent> newBus(String name) {
        return RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
    }

    @Test
    void nullStagesAreRejectedNamingTheParameter() {
        RingBus<OracleEvent> bus = newBus("wiringnulls");
        StageGroup<OracleEvent> group = bus.handleEventsWith(new OrderChecker(1));
        assertNpeNaming("handler", () -> bus.handleEventsWith((EventHandler<OracleEvent>) null));
        assertNpeNaming("handler", () -> group.then((EventHandler<OracleEvent>) null));
        assertNpeNaming("spec", () -> bus.handleEventsWith((StageSpec<OracleEvent>) null));
        assertNpeNaming("pool", () -> bus.handleEventsWithWorkerPool(null));
        assertNpeNaming("name", () -> bus.newPoller(null));
        assertNpeNaming("group", () -> bus.after(group, null));
        assertNpeNaming("group", () -> group.and(null));
        BuilderValidationTest.assertDeliversOneEvent(bus);
    }

    @Test
    void sameHandlerTwiceIsRejectedAndAddsNothing() {
        RingBus<OracleEvent> bus = newBus("samehandler");
        OrderChecker once = new OrderChecker(1);
        OrderChecker twice = new OrderChecker(1);
        StageGroup<OracleEvent> group = bus.handleEventsWith(once);
        assertThrows(IllegalArgumentException.class, () -> bus.handleEventsWith(once));
        assertThrows(IllegalArgumentException.class, () -> group.then(once));
        assertThrows(IllegalArgumentException.class, () -> bus.handleEventsWith(twice, twice));
        assertThrows(IllegalArgumentException.class,
                () -> bus.handleEventsWith(StageSpec.<OracleEvent>of(new OrderChecker(1)).named("dup"),
                        StageSpec.<OracleEvent>of(new OrderChecker(1)).named("dup")));
        group.then(twice); // the rejected (twice, twice) call registered nothing
        bus.handleEventsWith(StageSpec.<OracleEvent>of(new OrderChecker(1)).named("dup"));
        assertEquals(3, bus.stats().size(), "only the accepted stages exist: " + bus.stats());
        BuilderValidationTest.assertDeliversOneEvent(bus);
        assertEquals(1, once.seen());
        assertEquals(1, twice.seen());
    }

    @Test
    void groupOfAnotherBusIsRejected() {
        RingBus<OracleEvent> bus = newBus("ownbus");
        RingBus<OracleEvent> other = newBus("otherbus");
        StageGroup<OracleEvent> mine = bus.handleEventsWith(new OrderChecker(1));
        StageGroup<OracleEvent> theirs = other.handleEventsWith(new OrderChecker(1));
        assertThrows(IllegalArgumentException.class, () -> bus.after(theirs));
        assertThrows(IllegalArgumentException.class, () -> bus.after(mine, theirs));
        assertThrows(IllegalArgumentException.class, () -> mine.and(theirs));
        assertEquals(1, bus.stats().size());
        BuilderValidationTest.assertDeliversOneEvent(bus);
        other.close(1, TimeUnit.SECONDS);
    }

    @Test
    void startWithoutStagesIsRejected() {
        RingBus<OracleEvent> bus = newBus("nostages");
        assertThrows(IllegalStateException.class, bus::start);
        BuilderValidationTest.assertDeliversOneEvent(bus); // still NEW: wiring and start work after
    }

    @Test
    void wiringAfterStartIsRejected() {
        try (LiveBus live = new LiveBus("wiringafterstart", ProducerMode.SINGLE)) {
            RingBus<OracleEvent> bus = live.bus;
            StageGroup<OracleEvent> group = bus.after();
            assertThrows(IllegalStateException.class, () -> bus.handleEventsWith(new OrderChecker(1)));
            live.assertStillDelivers();
            assertThrows(IllegalStateException.class, () -> group.then(new OrderChecker(1)));
            live.assertStillDelivers();
            assertThrows(IllegalStateException.class,
                    () -> bus.handleEventsWithWorkerPool(WorkerPoolSpec.of(1, () -> (event, sequence) -> { })));
            live.assertStillDelivers();
            assertThrows(IllegalStateException.class, () -> bus.newPoller("late"));
            live.assertStillDelivers();
            assertThrows(IllegalStateException.class, bus::start);
            live.assertStillDelivers();
            assertEquals(1, bus.stats().size());
        }
    }

    @Test
    void threadFactoryReturningNullFailsStartWithoutHanging() {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("nullthreads").capacity(8)
                .threadFactory(body -> null).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(new OrderChecker(1)).named("only"));
        IllegalStateException e = assertThrows(IllegalStateException.class, bus::start);
        assertTrue(e.getMessage().contains("only"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> bus.publisher().claim(), "the bus never opened");
        ShutdownReport report = bus.close(1, TimeUnit.SECONDS);
        assertEquals(-1, report.lastSequence(), report.toString());
    }
}
