package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The translator arities, the queue depth handed to onBatchStart, and the idle callback. */
class TranslatorFormsTest {

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void everyTranslatorFormPublishesAndAFailureAbortsItsSlot(ProducerMode mode) {
        List<Long> seen = Collections.synchronizedList(new ArrayList<>());
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("forms-" + mode).capacity(8)
                .producerMode(mode).build();
        bus.handleEventsWith((e, s, end) -> seen.add(e.producerSeq));
        bus.start();
        Publisher<OracleEvent> p = bus.publisher();
        p.publishEvent((e, s) -> e.fill(0, 100));
        p.publishEventLong((e, s, n) -> e.fill(0, n), 101L);
        p.publishEvent((e, s, a, b) -> e.fill(0, a + b), 100L, 2L);
        p.publishEvent((e, s, a, b, c) -> e.fill(0, a + b + c), 100L, 2L, 1L);
        IllegalStateException boom = new IllegalStateException("bad");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> p.publishEvent((e, s) -> {
            throw boom;
        })));
        assertSame(boom, assertThrows(IllegalStateException.class,
                () -> p.publishEventLong((e, s, n) -> {
                    throw boom;
                }, 7L)));
        p.publishEventLong((e, s, n) -> e.fill(0, n), 104L);
        Bounded.awaitTrue("5 events", Duration.ofSeconds(10), () -> seen.size() == 5);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(100L, 101L, 102L, 103L, 104L), seen, "the failed translations were skipped");
        assertThrows(NullPointerException.class, () -> p.publishEvent((EventTranslator<OracleEvent>) null));
    }

    @Test
    void onBatchStartGetsTheQueueDepthBeyondTheBatchLimit() throws Exception {
        List<long[]> batches = new CopyOnWriteArrayList<>();
        java.util.concurrent.CountDownLatch hold = new java.util.concurrent.CountDownLatch(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("depth").capacity(16).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(new EventHandler<>() {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) throws Exception {
                hold.await();
            }

            @Override
            public void onBatchStart(int batchSize, long queueDepth) {
                batches.add(new long[] {batchSize, queueDepth});
            }
        }).maxBatchSize(4));
        bus.start();
        bus.publisher().publishEvent((e, s) -> e.fill(0, 0));
        Bounded.awaitTrue("the first batch", Duration.ofSeconds(10), () -> batches.size() == 1);
        for (int i = 1; i <= 10; i++) {
            bus.publisher().publishEventLong((e, s, n) -> e.fill(0, n), i);
        }
        hold.countDown();
        Bounded.awaitTrue("the second batch", Duration.ofSeconds(10), () -> batches.size() >= 2);
        assertEquals(1, batches.get(0)[0]);
        assertEquals(4, batches.get(1)[0], "cut at maxBatchSize");
        assertEquals(10, batches.get(1)[1], "10 events were ready when the second batch began");
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
    }

    @Test
    void anIdleStageIsToldAfterItsIdleTimeout() {
        AtomicInteger timeouts = new AtomicInteger();
        List<Long> lastSeen = new CopyOnWriteArrayList<>();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("idle").capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(new EventHandler<>() {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            }

            @Override
            public void onTimeout(long sequence) {
                timeouts.incrementAndGet();
                lastSeen.add(sequence);
            }
        }).idleTimeout(Duration.ofMillis(20)));
        bus.start();
        Bounded.awaitTrue("an idle callback", Duration.ofSeconds(10), () -> timeouts.get() >= 2);
        bus.publisher().publishEvent((e, s) -> e.fill(0, 0));
        Bounded.awaitTrue("an idle callback after event 0", Duration.ofSeconds(10), () -> lastSeen.contains(0L));
        assertEquals(-1L, lastSeen.get(0), "before any event the stage had finished nothing");
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertThrows(IllegalArgumentException.class, () -> StageSpec.of((e, s, end) -> { }).idleTimeout(Duration.ZERO));
    }
}
