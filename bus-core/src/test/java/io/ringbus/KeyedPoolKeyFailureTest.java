package io.ringbus;

import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A key function that throws is one failure of one event: reported once, not once per worker. */
class KeyedPoolKeyFailureTest {

    @Test
    void failingKeyFunctionIsReportedOnce() {
        List<Long> dead = new CopyOnWriteArrayList<>();
        AtomicLong handled = new AtomicLong();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name("keyfail").capacity(16).build();
        bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(3, () -> (e, s) -> handled.incrementAndGet())
                .partitionBy(e -> {
                    if (e.producerSeq == 5) {
                        throw new IllegalArgumentException("no key for event 5");
                    }
                    return e.producerSeq;
                })
                .exceptionPolicy(ExceptionPolicy.deadLetter((e, s, ev, st) -> dead.add(ev.producerSeq))));
        bus.start();
        for (int i = 0; i < 10; i++) {
            long s = bus.publisher().claim();
            bus.publisher().get(s).fill(0, i);
            bus.publisher().publish(s);
        }
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());
        assertEquals(List.of(5L), dead);
        assertEquals(1, bus.stats().get(0).failures());
        assertEquals(9, handled.get());
        assertEquals(List.of(), Threads.awaitNoneAlive("keyfail-", 2000));
    }
}
