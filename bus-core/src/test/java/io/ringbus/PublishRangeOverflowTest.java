package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranges whose length overflows a long, or that start below 0, are rejected with an
 * IllegalArgumentException naming the parameters, before anything is published; the claim stays open.
 */
class PublishRangeOverflowTest {

    private static void assertRejected(ProducerMode mode, String op, BiConsumer<Publisher<OracleEvent>, long[]> call) {
        OrderChecker checker = new OrderChecker(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("range-" + op + "-" + mode).capacity(8)
                .producerMode(mode).build();
        bus.handleEventsWith(checker);
        bus.start();
        // the bounded thread is the only producer, so SINGLE mode accepts its claims
        Bounded.run(op + " with an overflowing range", Duration.ofSeconds(5), () -> {
            Publisher<OracleEvent> p = bus.publisher();
            long s = p.claim();
            p.get(s).fill(0, 0);
            for (long[] range : new long[][] {{Long.MIN_VALUE, s}, {Long.MIN_VALUE, Long.MAX_VALUE}, {-1, s},
                                              {Long.MIN_VALUE + 1, s}}) {
                IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> call.accept(p, range),
                        op + "(" + range[0] + ", " + range[1] + ")");
                assertTrue(e.getMessage().contains("lo must be >= 0"), e.getMessage());
                assertTrue(e.getMessage().contains("lo=" + range[0]), e.getMessage());
            }
            IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                    () -> call.accept(p, new long[] {s, Long.MAX_VALUE}));
            assertTrue(tooLong.getMessage().contains("longer than the capacity 8"), tooLong.getMessage());
            p.publish(s); // the claim is still open: nothing was published or aborted
        });
        assertTrue(bus.close(5, TimeUnit.SECONDS).drained());
        assertEquals(List.of(), checker.errors());
        assertEquals(1, checker.seen());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void publishRejectsOverflowingRanges(ProducerMode mode) {
        assertRejected(mode, "publish", (p, r) -> p.publish(r[0], r[1]));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void abortRejectsOverflowingRanges(ProducerMode mode) {
        assertRejected(mode, "abort", (p, r) -> p.abort(r[0], r[1]));
    }
}
