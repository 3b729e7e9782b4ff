package io.ringbus;

import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleProducers;
import io.ringbus.testkit.OrderChecker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** checkPublishes(false): a MULTI publish that trusts its caller still delivers exactly once and keeps the cheap checks. */
class UncheckedPublishTest {

    private static RingBus<OracleEvent> bus(String name, OrderChecker checker, boolean check) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(64)
                .producerMode(ProducerMode.MULTI).checkPublishes(check).build();
        bus.handleEventsWith(checker);
        bus.start();
        return bus;
    }

    @Test
    void twoProducersAreDeliveredExactlyOnceInOrder() {
        OrderChecker checker = new OrderChecker(2);
        RingBus<OracleEvent> bus = bus("unchecked", checker, false);
        OracleProducers published = OracleProducers.start("unchecked", bus.publisher(), new int[] {1, 3}, 20_000, null)
                .join(Duration.ofSeconds(60));
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        Delivery.assertExactlyOnce("unchecked", checker, published);
    }

    @Test
    void aBadRangeAndAPublishAfterHaltAreStillRefused() {
        RingBus<OracleEvent> bus = bus("unchecked-bad", new OrderChecker(1), false);
        Publisher<OracleEvent> p = bus.publisher();
        long s = p.claim();
        assertThrows(IllegalArgumentException.class, () -> p.publish(Long.MIN_VALUE, s));
        assertThrows(IllegalArgumentException.class, () -> p.publish(s, s - 1));
        bus.halt();
        assertThrows(BusClosedException.class, () -> p.publish(s));
        bus.close(10, TimeUnit.SECONDS);
    }

    @Test
    void theCheckedDefaultRejectsADoublePublish() {
        RingBus<OracleEvent> bus = bus("checked-double", new OrderChecker(1), true);
        Publisher<OracleEvent> p = bus.publisher();
        long s = p.claim();
        p.get(s).fill(0, 0);
        p.publish(s);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.publish(s));
        assertTrue(e.getMessage().contains("already published"), e.getMessage());
        assertEquals(0, bus.lastClaimedSequence());
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
    }
}
