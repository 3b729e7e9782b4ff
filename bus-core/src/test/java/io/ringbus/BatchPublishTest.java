package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** publishEvents: one claim for a batch of translated events; a failing translator publishes what it filled. */
class BatchPublishTest {
    private static final EventTranslatorOneArg<OracleEvent, Long> FILL = (e, s, n) -> e.fill(0, n);

    private static Long[] args(int n) {
        Long[] a = new Long[n];
        for (int i = 0; i < n; i++) {
            a[i] = (long) i;
        }
        return a;
    }

    private static RingBus<OracleEvent> bus(ProducerMode mode, List<Long> seen) {
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("batch-" + mode).capacity(8)
                .producerMode(mode).build();
        bus.handleEventsWith((e, s, end) -> {
            assertTrue(e.intact(), "torn event at " + s);
            seen.add(e.producerSeq);
        });
        bus.start();
        return bus;
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void aBatchIsOneClaimDeliveredInOrder(ProducerMode mode) {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        RingBus<OracleEvent> bus = bus(mode, seen);
        Long[] a = args(20);
        bus.publisher().publishEvents(FILL, a, 0, 8);
        assertEquals(7, bus.lastClaimedSequence());
        bus.publisher().publishEvents(FILL, a, 8, 5);
        Bounded.awaitTrue("the first 13 events", Duration.ofSeconds(10), () -> seen.size() == 13);
        assertTrue(bus.publisher().tryPublishEvents(FILL, a, 13, 7), "7 fit in an empty ring of 8");
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(a), seen);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void aFailingTranslatorPublishesWhatItFilledAndAbortsTheRest(ProducerMode mode) {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        RingBus<OracleEvent> bus = bus(mode, seen);
        IllegalStateException boom = new IllegalStateException("bad order");
        EventTranslatorOneArg<OracleEvent, Long> failsOnTwo = (e, s, n) -> {
            if (n == 2) {
                throw boom;
            }
            e.fill(0, n);
        };
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> bus.publisher().publishEvents(failsOnTwo, args(5), 0, 5)));
        bus.publisher().publishEvents(FILL, new Long[] {5L}, 0, 1); // the bus goes on
        Bounded.awaitTrue("the events around the failure", Duration.ofSeconds(10), () -> seen.size() == 3);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(0L, 1L, 5L), seen);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void badRangesAreRejectedWithNothingClaimed(ProducerMode mode) {
        RingBus<OracleEvent> bus = bus(mode, new ArrayList<>());
        Publisher<OracleEvent> p = bus.publisher();
        Long[] a = args(4);
        for (int[] r : new int[][] {{0, 0}, {-1, 2}, {3, 2}, {0, 5}, {Integer.MAX_VALUE, 1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.publishEvents(FILL, a, r[0], r[1]));
            assertTrue(e.getMessage().contains("from") && e.getMessage().contains("count"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> p.tryPublishEvents(FILL, a, r[0], r[1]));
        }
        IllegalArgumentException tooLong = assertThrows(IllegalArgumentException.class,
                () -> p.publishEvents(FILL, args(9), 0, 9));
        assertTrue(tooLong.getMessage().contains("capacity"), tooLong.getMessage());
        assertThrows(NullPointerException.class, () -> p.publishEvents(null, a, 0, 1));
        assertThrows(NullPointerException.class, () -> p.publishEvents(FILL, null, 0, 1));
        assertEquals(-1, bus.lastClaimedSequence(), "a rejected batch claimed something");
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void tryPublishEventsClaimsNothingWhenTheBatchDoesNotFit(ProducerMode mode) throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("trybatch-" + mode).capacity(8)
                .producerMode(mode).build();
        bus.handleEventsWith((e, s, end) -> hold.await());
        bus.start();
        Publisher<OracleEvent> p = bus.publisher();
        p.publishEvents(FILL, args(6), 0, 6);
        assertFalse(p.tryPublishEvents(FILL, args(3), 0, 3), "3 more do not fit in 8 with 6 held");
        assertEquals(5, bus.lastClaimedSequence());
        assertTrue(p.tryPublishEvents(FILL, args(2), 0, 2));
        hold.countDown();
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
    }
}
