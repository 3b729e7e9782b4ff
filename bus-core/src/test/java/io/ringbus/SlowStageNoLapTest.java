package io.ringbus;

import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A producer never laps the slowest gating stage. Capacity 4, a fast stage and a stage that takes about 1 ms
 * per event: the slow stage checks each event before and after its pause, so a slot overwritten while it
 * still holds it shows as a changed or torn event; and the producer, after each claim, records how far its
 * claim runs ahead of the slow stage's published progress, which must never exceed the capacity.
 */
class SlowStageNoLapTest {
    private static final int CAPACITY = 4;
    private static final long EVENTS = 200;
    private static final AtomicInteger RUNS = new AtomicInteger();

    enum Shape { SLOW_BESIDE_FAST, SLOW_AFTER_FAST }

    /** Checks the event, holds it for about a millisecond, then checks it is still the same event. */
    static final class SlowChecker extends OrderChecker {
        final List<String> overwritten = new ArrayList<>();

        SlowChecker(int producers) {
            super(producers);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            int producer = event.producer;
            long producerSeq = event.producerSeq;
            long checksum = event.checksum;
            check(event, sequence);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            if ((event.producer != producer || event.producerSeq != producerSeq || event.checksum != checksum
                    || !event.intact()) && overwritten.size() < 20) {
                overwritten.add("slot of sequence " + sequence + " overwritten while the slow stage held it: was "
                        + producer + "/" + producerSeq + ", now " + event);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void slowStageBesideFastStage(ProducerMode mode) {
        run(mode, Shape.SLOW_BESIDE_FAST);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ProducerMode.class)
    void slowStageAfterFastStage(ProducerMode mode) {
        run(mode, Shape.SLOW_AFTER_FAST);
    }

    private void run(ProducerMode mode, Shape shape) {
        String busName = "slowstage" + RUNS.incrementAndGet();
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(busName).capacity(CAPACITY)
                .producerMode(mode).build();
        OrderChecker fast = new OrderChecker(producers);
        SlowChecker slow = new SlowChecker(producers);
        StageSpec<OracleEvent> fastSpec = StageSpec.<OracleEvent>of(fast).named("fast");
        StageSpec<OracleEvent> slowSpec = StageSpec.<OracleEvent>of(slow).named("slow");
        if (shape == Shape.SLOW_BESIDE_FAST) {
            bus.handleEventsWith(fastSpec, slowSpec);
        } else {
            bus.handleEventsWith(fastSpec).then(slowSpec);
        }
        bus.start();

        AtomicLong maxLead = new AtomicLong(Long.MIN_VALUE);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long perProducer = EVENTS / producers;
        for (int p = 0; p < producers; p++) {
            int id = p;
            Thread t = new Thread(() -> {
                try {
                    for (long i = 0; i < perProducer; i++) {
                        long seq = bus.publisher().claim();
                        long lead = seq - slowProgress(bus);
                        maxLead.accumulateAndGet(lead, Math::max);
                        bus.publisher().get(seq).fill(id, i);
                        bus.publisher().publish(seq);
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            }, busName + "-producer-" + p);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            joinOrFail(t);
        }
        ShutdownReport report = bus.close(30, TimeUnit.SECONDS);

        assertEquals(List.of(), failures, "producer failures");
        assertTrue(report.drained(), report.toString());
        assertEquals(List.of(), slow.overwritten);
        long[] published = new long[producers];
        Arrays.fill(published, perProducer);
        Delivery.assertExactlyOnce("fast", fast, published);
        Delivery.assertExactlyOnce("slow", slow, published);
        assertTrue(maxLead.get() <= CAPACITY,
                "a claim ran " + maxLead.get() + " slots ahead of the slow stage; capacity is " + CAPACITY);
        assertEquals(CAPACITY, maxLead.get(), "the producer never filled the ring: back-pressure was not exercised");
        assertTrue(bus.producerStallNanos() > 0, "producers never waited on the full ring");
        assertEquals(List.of(), Threads.awaitNoneAlive(busName + "-", 2000));
    }

    /** The slow stage's published progress; read after the claim, so it is at least what the claim waited for. */
    private static long slowProgress(RingBus<OracleEvent> bus) {
        return bus.stats().stream().filter(s -> s.name().equals("slow")).findFirst().orElseThrow().sequence();
    }

    private static void joinOrFail(Thread t) {
        try {
            t.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertTrue(!t.isAlive(), t.getName() + " hung");
    }
}
