package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.LiveBus;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static io.ringbus.BuilderValidationTest.assertIaeNaming;
import static io.ringbus.BuilderValidationTest.assertNpeNaming;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Misuse of the publisher and the lifecycle on a running bus: each bad call is rejected before anything is
 * claimed or published, with a message naming the parameter, and the bus then still delivers an event.
 */
class PublisherMisuseTest {
    private static final int CAPACITY = LiveBus.CAPACITY;

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void badClaimSizesClaimNothing(ProducerMode mode) {
        try (LiveBus live = new LiveBus("badclaim-" + mode, mode)) {
            Publisher<OracleEvent> p = live.publisher();
            live.assertStillDelivers();
            for (int n : new int[] {0, -1, CAPACITY + 1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
                assertClaimsNothing(live, () -> p.claim(n), n);
                assertClaimsNothing(live, () -> p.tryClaim(n), n);
                assertClaimsNothing(live, () -> p.claim(n, 1, TimeUnit.MILLISECONDS), n);
            }
            long before = live.bus.lastClaimedSequence();
            assertIaeNaming("timeout", () -> p.claim(1, -1, TimeUnit.MILLISECONDS));
            assertNpeNaming("unit", () -> p.claim(1, 1, null));
            assertNpeNaming("translator", () -> p.publishEvent(null, 1L));
            assertNpeNaming("translator", () -> p.tryPublishEvent(null, 1L));
            assertEquals(before, live.bus.lastClaimedSequence(), "a rejected claim claimed something");
            live.assertStillDelivers();
        }
    }

    private static void assertClaimsNothing(LiveBus live, Executable claim, int n) {
        long before = live.bus.lastClaimedSequence();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, claim, "n=" + n);
        assertEquals("n must be in [1, capacity=" + CAPACITY + "]: " + n, e.getMessage());
        assertEquals(before, live.bus.lastClaimedSequence(), "claim(" + n + ") claimed something");
        live.assertStillDelivers();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void publishingUnclaimedOrTwiceIsRejected(ProducerMode mode) {
        try (LiveBus live = new LiveBus("badpublish-" + mode, mode)) {
            Publisher<OracleEvent> p = live.publisher();
            live.assertStillDelivers();
            long last = live.bus.lastClaimedSequence();
            assertThrows(IllegalStateException.class, () -> p.publish(last + 1), "never claimed");
            live.assertStillDelivers();
            long next = live.bus.lastClaimedSequence() + 1;
            assertThrows(IllegalStateException.class, () -> p.publish(next + 3), "never claimed, further ahead");
            assertThrows(IllegalStateException.class, () -> p.publish(next, next + 1), "range never claimed");
            live.assertStillDelivers();

            long seq = p.claim();
            live.fill(seq);
            p.publish(seq);
            assertThrows(IllegalStateException.class, () -> p.publish(seq), "published twice");
            live.assertStillDelivers();
            assertThrows(IllegalStateException.class, () -> p.publish(seq), "published twice, after later events");

            long lo = p.claim(2);
            assertThrows(IllegalArgumentException.class, () -> p.publish(lo + 1, lo), "hi < lo");
            assertThrows(IllegalArgumentException.class, () -> p.publish(lo, lo + CAPACITY), "longer than the ring");
            live.fill(lo);
            live.fill(lo + 1);
            p.publish(lo, lo + 1);
            live.assertStillDelivers();
        }
    }

    @Test
    void singleProducerPublishesInClaimOrder() {
        try (LiveBus live = new LiveBus("claimorder", ProducerMode.SINGLE)) {
            Publisher<OracleEvent> p = live.publisher();
            long lo = p.claim(2);
            live.fill(lo);
            live.fill(lo + 1);
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> p.publish(lo + 1));
            assertTrue(e.getMessage().contains("claim order"), e.getMessage());
            p.publish(lo);
            p.publish(lo + 1);
            live.assertStillDelivers();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void badLifecycleArgumentsAreRejected(ProducerMode mode) {
        try (LiveBus live = new LiveBus("badlifecycle-" + mode, mode)) {
            RingBus<OracleEvent> bus = live.bus;
            assertIaeNaming("timeout", () -> bus.close(-1, TimeUnit.MILLISECONDS));
            assertNpeNaming("unit", () -> bus.close(1, null));
            assertNpeNaming("unit", () -> bus.awaitTermination(1, null));
            assertTrue(!bus.isStopped(), "a rejected close must not close the bus");
            live.assertStillDelivers();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void claimAndPublishAfterCloseAreRejected(ProducerMode mode) {
        LiveBus live = new LiveBus("afterclose-" + mode, mode);
        live.assertStillDelivers();
        live.close();
        assertRejectedAsClosed(live);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void claimAndPublishAfterHaltAreRejected(ProducerMode mode) throws Exception {
        LiveBus live = new LiveBus("afterhalt-" + mode, mode);
        live.assertStillDelivers();
        live.bus.halt();
        assertTrue(live.bus.awaitTermination(1, TimeUnit.SECONDS));
        assertRejectedAsClosed(live);
    }

    private static void assertRejectedAsClosed(LiveBus live) {
        Publisher<OracleEvent> p = live.publisher();
        long last = live.bus.lastClaimedSequence();
        for (Executable call : new Executable[] {
                p::claim, () -> p.claim(2), p::tryClaim, () -> p.tryClaim(2),
                () -> p.claim(1, 10, TimeUnit.MILLISECONDS),
                () -> p.publishEvent((e, s, a) -> e.fill(0, a), 1L),
                () -> p.tryPublishEvent((e, s, a) -> e.fill(0, a), 1L)}) {
            BusClosedException e = assertThrows(BusClosedException.class, call);
            assertTrue(e.getMessage().contains("bus is closed"), e.getMessage());
        }
        assertThrows(IllegalStateException.class, () -> p.publish(last + 1));
        assertEquals(last, live.bus.lastClaimedSequence(), "nothing claimed after the bus stopped");
    }
}
