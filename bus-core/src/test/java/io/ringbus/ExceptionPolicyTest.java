package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.Delivery;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each built-in exception policy does what it says: haltBus halts and producers get an exception, callback
 * receives the error with its sequence, event and stage, retry retries then delegates, and a policy that
 * itself throws halts the bus without hanging anyone.
 */
class ExceptionPolicyTest {

    /** Publishes 0, 1, 2, ... from its own thread until a claim or publish throws; keeps what ended it. */
    static final class EndlessProducer {
        final Thread thread;
        final AtomicReference<Throwable> ended = new AtomicReference<>();
        volatile long published;

        EndlessProducer(RingBus<OracleEvent> bus) {
            thread = new Thread(() -> {
                try {
                    for (long i = 0; ; i++) {
                        long seq = bus.publisher().claim();
                        bus.publisher().get(seq).fill(0, i);
                        bus.publisher().publish(seq);
                        published = i + 1;
                    }
                } catch (Throwable t) {
                    ended.set(t);
                }
            }, bus.name() + "-producer");
            thread.setDaemon(true);
            thread.start();
        }

        Throwable awaitEnd() throws InterruptedException {
            thread.join(10_000);
            assertFalse(thread.isAlive(), "the producer hangs after the bus halted");
            return ended.get();
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
    void haltBusPolicyHaltsTheBusAndProducersGetAnException() throws Exception {
        String name = "policyhalt";
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        OrderChecker healthy = new OrderChecker(1);
        bus.handleEventsWith(StageSpec.<OracleEvent>of(healthy).named("healthy"),
                StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
                    if (event.producerSeq == 100) {
                        throw new IllegalStateException("injected");
                    }
                }).named("fatal").exceptionPolicy(ExceptionPolicy.haltBus()));
        bus.start();
        EndlessProducer producer = new EndlessProducer(bus);
        Throwable end = producer.awaitEnd();
        assertTrue(end instanceof BusClosedException, "producer ended with " + end);
        assertTrue(producer.published >= 100, "event 100 was published before the halt");
        assertTrue(bus.isStopped());
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(1, DefaultPolicyDiamondTest.failures(bus, "fatal"));
        assertEquals(List.of(), healthy.errors());
        ShutdownReport report = Bounded.call("close after a policy halt", Duration.ofSeconds(10),
                () -> bus.close(500, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), report.stuckStages(), report.toString());
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }

    @Test
    void callbackReceivesErrorSequenceEventAndStage() {
        String name = "policycallback";
        Map<Long, Throwable> thrown = new HashMap<>();
        List<String> received = new ArrayList<>();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        OrderChecker checker = new OrderChecker(1);
        ExceptionPolicy<OracleEvent> callback = ExceptionPolicy.callback((error, sequence, event, stage) -> {
            // runs on the stage thread, which also filled `thrown`
            received.add(sequence + "/" + event.producerSeq + "/" + stage + "/" + (error == thrown.get(sequence)));
        });
        bus.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
            checker.onEvent(event, sequence, endOfBatch);
            if (sequence % 10 == 3) {
                RuntimeException e = new IllegalArgumentException("bad event " + sequence);
                thrown.put(sequence, e);
                throw e;
            }
        }).named("cb").exceptionPolicy(callback));
        bus.start();
        publish(bus, 50);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());

        assertEquals(List.of("3/3/cb/true", "13/13/cb/true", "23/23/cb/true", "33/33/cb/true", "43/43/cb/true"),
                received);
        Delivery.assertExactlyOnce("cb", checker, 50);
        assertEquals(5, DefaultPolicyDiamondTest.failures(bus, "cb"));
    }

    @Test
    void retryRetriesThenDelegates() {
        String name = "policyretry";
        Map<Long, Integer> attempts = new HashMap<>();
        List<String> delegated = new ArrayList<>();
        ExceptionPolicy<OracleEvent> then = (error, sequence, event, stage, attempt) -> {
            delegated.add(sequence + "@" + attempt + ":" + error.getMessage());
            return ExceptionPolicy.Action.CONTINUE;
        };
        OrderChecker firstAttempts = new OrderChecker(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
            int attempt = attempts.merge(sequence, 1, Integer::sum);
            if (attempt == 1) {
                firstAttempts.onEvent(event, sequence, endOfBatch);
            }
            if (sequence == 5 && attempt <= 2) {
                throw new IllegalStateException("transient " + attempt);
            }
            if (sequence == 9) {
                throw new IllegalStateException("permanent " + attempt);
            }
        }).named("retrying").exceptionPolicy(ExceptionPolicy.retry(3, then)));
        bus.start();
        publish(bus, 20);
        assertTrue(bus.close(10, TimeUnit.SECONDS).drained());

        assertEquals(3, attempts.get(5L), "two failures, then success on the third attempt");
        assertEquals(4, attempts.get(9L), "the first attempt and 3 retries");
        assertEquals(1, attempts.get(10L));
        assertEquals(List.of("9@1:permanent 4"), delegated, "delegated once, after the retries ran out");
        assertEquals(6, DefaultPolicyDiamondTest.failures(bus, "retrying"));
        Delivery.assertExactlyOnce("retrying", firstAttempts, 20);
    }

    @Test
    void policyThatThrowsHaltsTheBus() throws Exception {
        String name = "policythrows";
        ExceptionPolicy<OracleEvent> broken = (error, sequence, event, stage, attempt) -> {
            throw new IllegalStateException("the policy itself is broken");
        };
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8)
                .exceptionPolicy(broken).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of((event, sequence, endOfBatch) -> {
            if (event.producerSeq == 10) {
                throw new IllegalArgumentException("injected");
            }
        }).named("failing"));
        bus.start();
        EndlessProducer producer = new EndlessProducer(bus);
        Throwable end = producer.awaitEnd();
        assertTrue(end instanceof BusClosedException, "producer ended with " + end);
        assertTrue(bus.isStopped(), "a throwing policy halts the bus");
        ShutdownReport report = Bounded.call("close(500 ms) after a policy failure", Duration.ofSeconds(10),
                () -> bus.close(500, TimeUnit.MILLISECONDS));
        assertEquals(List.of(), report.stuckStages(), report.toString());
        assertSame(report, bus.close(1, TimeUnit.SECONDS));
        assertTrue(bus.awaitTermination(1, TimeUnit.SECONDS));
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000));
    }
}
