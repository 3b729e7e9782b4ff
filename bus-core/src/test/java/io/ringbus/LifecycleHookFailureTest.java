package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An {@code onStart} or {@code onShutdown} that throws goes to the stage's policy, and the lifecycle still
 * completes: events are delivered and close drains. If the policy throws too, the bus halts without hanging.
 */
class LifecycleHookFailureTest {

    /** A checker whose hooks throw. */
    static final class FailingHooks extends OrderChecker {
        FailingHooks() {
            super(1);
        }

        @Override
        public void onStart() {
            throw new IllegalStateException("onStart failed");
        }

        @Override
        public void onShutdown() {
            throw new IllegalStateException("onShutdown failed");
        }
    }

    /** Records lifecycle failures; continues after event failures. */
    static final class RecordingPolicy implements ExceptionPolicy<Object> {
        final List<String> lifecycle = new CopyOnWriteArrayList<>();

        @Override
        public Action onEventException(Throwable error, long sequence, Object event, String stage, int attempt) {
            return Action.CONTINUE;
        }

        @Override
        public void onLifecycleException(Throwable error, String stage, String phase) {
            lifecycle.add(stage + ":" + phase + ":" + error.getMessage());
        }
    }

    private static void publish(RingBus<OracleEvent> bus, long count) {
        for (long i = 0; i < count; i++) {
            long seq = bus.publisher().claim();
            bus.publisher().get(seq).fill(0, i);
            bus.publisher().publish(seq);
        }
    }

    @Test
    void failingHooksGoToThePolicyAndTheLifecycleCompletes() {
        String name = "hookfail";
        RecordingPolicy policy = new RecordingPolicy();
        FailingHooks failing = new FailingHooks();
        OrderChecker downstream = new OrderChecker(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(failing).named("failing").exceptionPolicy(policy))
                .then(StageSpec.<OracleEvent>of(downstream).named("downstream"));
        bus.start();
        publish(bus, 30);
        ShutdownReport report = bus.close(10, TimeUnit.SECONDS);

        assertTrue(report.drained(), report.toString());
        assertEquals(List.of("failing:onStart:onStart failed", "failing:onShutdown:onShutdown failed"),
                policy.lifecycle);
        Delivery.assertExactlyOnce("failing", failing, 30);
        Delivery.assertExactlyOnce("downstream", downstream, 30);
        assertEquals(2, DefaultPolicyDiamondTest.failures(bus, "failing"));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    @Test
    void failingHooksUnderTheDefaultPolicyDoNotStopTheStage() {
        String name = "hookfaildefault";
        FailingHooks failing = new FailingHooks();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(failing).named("failing"));
        bus.start();
        publish(bus, 30);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        Delivery.assertExactlyOnce("failing", failing, 30);
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    @Test
    void policyThrowingOnAHookFailureHaltsTheBus() throws Exception {
        String name = "hookpolicythrows";
        ExceptionPolicy<Object> broken = new ExceptionPolicy<>() {
            @Override
            public Action onEventException(Throwable error, long sequence, Object event, String stage, int attempt) {
                return Action.CONTINUE;
            }

            @Override
            public void onLifecycleException(Throwable error, String stage, String phase) {
                throw new IllegalStateException("policy broken in " + phase);
            }
        };
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(new FailingHooks()).named("failing").exceptionPolicy(broken));
        bus.start();
        Bounded.awaitTrue("the bus to halt", Duration.ofSeconds(10), bus::isStopped);
        assertThrows(BusClosedException.class, () -> bus.publisher().claim());
        ShutdownReport report = Bounded.call("close(500 ms)", Duration.ofSeconds(10),
                () -> bus.close(500, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), report.stuckStages(), report.toString());
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }
}
