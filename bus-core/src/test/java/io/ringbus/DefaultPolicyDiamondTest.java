package io.ringbus;

import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.JoinChecker;
import io.ringbus.testkit.MarkingChecker;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleProducers;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The default policy logs, counts and continues: in a diamond whose stage a throws a RuntimeException or an
 * Error on every 7th event, the failures are counted exactly, a still handles every other event once, and
 * b sees every event. The join, which opts in to failed events, sees every event too, with a's mark written
 * before the throw; see GraphFailurePropagationTest for the default, where it skips them.
 */
class DefaultPolicyDiamondTest {
    private static final long EVENTS_PER_PRODUCER = 10_000;

    /** An Error that is not an AssertionError, so it cannot be mistaken for a failed check. */
    static final class InjectedError extends Error {
        private static final long serialVersionUID = 1L;

        InjectedError(String message) {
            super(message);
        }
    }

    /** Stage a: checks and marks every event, then throws on every 7th of each producer's events. */
    static final class ThrowingMarker extends OrderChecker {
        final MarkingChecker marker;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong thrown = new AtomicLong();

        ThrowingMarker(int producers) {
            super(producers);
            this.marker = new MarkingChecker(producers, MarkingChecker.Mark.A);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            calls.incrementAndGet();
            marker.onEvent(event, sequence, endOfBatch);
            if ((event.producerSeq + 1) % 7 == 0) {
                thrown.incrementAndGet();
                if ((event.producerSeq + 1) % 14 == 0) {
                    throw new InjectedError("injected error at " + sequence);
                }
                throw new IllegalStateException("injected exception at " + sequence);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void failuresAreCountedAndIsolated(ProducerMode mode) {
        String name = "defaultpolicy-" + mode;
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(64).producerMode(mode)
                .build();
        ThrowingMarker a = new ThrowingMarker(producers);
        MarkingChecker b = new MarkingChecker(producers, MarkingChecker.Mark.B);
        JoinChecker join = new JoinChecker(producers);
        StageGroup<OracleEvent> ga = bus.handleEventsWith(StageSpec.<OracleEvent>of(a).named("a"));
        StageGroup<OracleEvent> gb = bus.handleEventsWith(StageSpec.<OracleEvent>of(b).named("b"));
        ga.and(gb).then(StageSpec.<OracleEvent>of(join).named("join").seesFailedEvents());
        bus.start();
        int[] batches = producers == 1 ? new int[] {1} : new int[] {1, 3};
        OracleProducers published = OracleProducers.start(name, bus.publisher(), batches, EVENTS_PER_PRODUCER, null)
                .join(Duration.ofSeconds(60));
        ShutdownReport report = bus.close(30, TimeUnit.SECONDS);

        assertTrue(report.drained(), report.toString());
        long total = EVENTS_PER_PRODUCER * producers;
        long expectedFailures = (EVENTS_PER_PRODUCER / 7) * producers;
        assertEquals(expectedFailures, a.thrown.get());
        assertEquals(total, a.calls.get(), "stage a was called once per event: no retry, no skip");
        Delivery.assertExactlyOnce("a", a.marker, published);
        Delivery.assertExactlyOnce("b", b, published);
        Delivery.assertExactlyOnce("join", join, published);
        assertEquals(expectedFailures, failures(bus, "a"), "stats count every failure of a");
        assertEquals(0, failures(bus, "b"));
        assertEquals(0, failures(bus, "join"));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    static long failures(RingBus<?> bus, String stage) {
        return bus.stats().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow().failures();
    }
}
