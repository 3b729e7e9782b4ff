package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.Threads;
import io.ringbus.testkit.WaitKind;
import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A producer blocked on a full ring (capacity 2, the only stage stuck in its handler) is released by
 * {@code close(timeout)} or {@code halt()} with {@link BusClosedException}; it never hangs and never claims
 * a slot the stage still holds.
 */
class BlockedProducerReleaseTest {
    private static final int CAPACITY = 2;

    enum Release { CLOSE, HALT }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (ProducerMode mode : ProducerMode.values()) {
            for (Release release : Release.values()) {
                for (WaitKind wait : List.of(WaitKind.PARK, WaitKind.BLOCKING)) {
                    cases.add(Arguments.of(mode, release, wait));
                }
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{0} {1} producer waits {2}")
    @MethodSource("cases")
    void blockedProducerIsReleased(ProducerMode mode, Release release, WaitKind producerWait) throws Exception {
        String name = "blocked-" + mode + "-" + release + "-" + producerWait;
        // a blocking producer must be woken by the release's signal, not by its safety-net timeout
        WaitStrategy wait = producerWait == WaitKind.BLOCKING
                ? new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10)) : producerWait.create();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(CAPACITY)
                .producerMode(mode).producerWaitStrategy(wait).build();
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release2 = new CountDownLatch(1);
        bus.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
            held.countDown();
            release2.await(); // an interrupt from close ends the wait, which is fine
        }).named("held"));
        bus.start();

        AtomicInteger claimsReturned = new AtomicInteger();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread producer = new Thread(() -> {
            try {
                for (int i = 0; i <= CAPACITY; i++) { // the third claim finds the ring full
                    long seq = bus.publisher().claim();
                    claimsReturned.incrementAndGet();
                    bus.publisher().get(seq).fill(0, i);
                    bus.publisher().publish(seq);
                }
            } catch (Throwable t) {
                outcome.set(t);
            }
        }, name + "-producer");
        producer.setDaemon(true);
        producer.start();
        try {
            Bounded.awaitTrue("the stage to hold event 0", Duration.ofSeconds(10), () -> held.getCount() == 0);
            Bounded.awaitTrue("two claims", Duration.ofSeconds(10), () -> claimsReturned.get() == CAPACITY);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            assertEquals(CAPACITY, claimsReturned.get(), "a claim passed a slot the stage still holds");
            assertTrue(producer.isAlive(), "the producer should be blocked in claim()");

            if (release == Release.CLOSE) {
                ShutdownReport report = Bounded.call("close(200 ms)", Duration.ofSeconds(10),
                        () -> bus.close(200, TimeUnit.MILLISECONDS));
                assertFalse(report.drained(), report.toString());
            } else {
                Bounded.run("halt()", Duration.ofSeconds(10), bus::halt);
            }
            producer.join(5000);
            assertFalse(producer.isAlive(), "the blocked producer was not released");
            assertTrue(outcome.get() instanceof BusClosedException, "producer ended with " + outcome.get());
            assertEquals(CAPACITY, claimsReturned.get(), "the blocked claim must not return a slot");
            if (mode == ProducerMode.SINGLE) {
                assertEquals(CAPACITY - 1, bus.lastClaimedSequence(), "the rejected claim claimed nothing");
            }
        } finally {
            release2.countDown();
        }
        assertTrue(bus.awaitTermination(2, TimeUnit.SECONDS));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }
}
