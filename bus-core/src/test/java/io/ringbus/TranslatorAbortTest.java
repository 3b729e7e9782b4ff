package io.ringbus;

import io.ringbus.testkit.AsyncCall;
import io.ringbus.testkit.Deadline;
import io.ringbus.testkit.HitCounter;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OracleWorker;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A translator that throws aborts its slot: the publisher gets the very exception the translator threw, no
 * stage ever sees the half-written (poisoned) event, and nothing stalls. Every third attempt fails, through
 * publishEvent (one and two arguments) and tryPublishEvent, on a small ring so the aborted slots are reused.
 */
@Deadline(seconds = 60)
class TranslatorAbortTest {
    private static final int ATTEMPTS = Integer.getInteger("ringbus.abort.attempts", 30_000);
    private static final long POISON = 0xBADL;
    private static final AtomicInteger RUNS = new AtomicInteger();

    /** One publish attempt: what to write, whether to fail, and the exception thrown if it did. */
    static final class Attempt {
        int producer;
        long seq;
        boolean fail;
        RuntimeException thrown;
    }

    private static final EventTranslatorOneArg<OracleEvent, Attempt> TRANSLATOR = (event, sequence, a) -> {
        event.fill(a.producer, a.seq);
        if (a.fail) {
            event.payload = POISON; // half-written: no stage may ever see this
            event.markA = POISON;
            a.thrown = new IllegalStateException("translator failed on purpose at " + sequence);
            throw a.thrown;
        }
    };

    private static final EventTranslatorTwoArg<OracleEvent, Attempt, String> TWO_ARG =
            (event, sequence, a, unused) -> TRANSLATOR.translateTo(event, sequence, a);

    /** A broadcast stage that also rejects the poison marker explicitly. */
    static final class PoisonChecker extends OrderChecker {
        final AtomicInteger poisoned = new AtomicInteger();

        PoisonChecker(int producers) {
            super(producers);
        }

        @Override
        public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
            if (event.payload == POISON || event.markA == POISON) {
                poisoned.incrementAndGet();
            }
            check(event, sequence);
        }
    }

    @ParameterizedTest
    @EnumSource(ProducerMode.class)
    void translatorFailureReachesThePublisherAndItsSlotIsNeverSeen(ProducerMode mode) {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        String name = "xlate-" + RUNS.incrementAndGet();
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).producerMode(mode)
                .shutdownTimeout(Duration.ofSeconds(20)).build();
        PoisonChecker first = new PoisonChecker(producers);
        PoisonChecker join = new PoisonChecker(producers);
        HitCounter hits = new HitCounter(producers, ATTEMPTS);
        List<OracleWorker> workers = List.of(new OracleWorker(hits), new OracleWorker(hits));
        StageGroup<OracleEvent> a = bus.handleEventsWith(StageSpec.<OracleEvent>of(first).named("B"));
        StageGroup<OracleEvent> w = bus.handleEventsWithWorkerPool(WorkerPoolSpec.<OracleEvent>of(workers).named("W"));
        a.and(w).then(StageSpec.<OracleEvent>of(join).named("J"));
        bus.start();

        List<AsyncCall<long[]>> producing = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            int id = p;
            producing.add(AsyncCall.start(name + "-producer-" + p, () -> produce(bus.publisher(), id)));
        }
        long[] published = new long[producers];
        long failures = 0;
        for (int p = 0; p < producers; p++) {
            long[] result = producing.get(p).await(30_000);
            assertEquals(0, result[2], "producer " + p + ": exceptions that were not the translator's own instance");
            published[p] = result[0];
            failures += result[1];
        }
        ShutdownReport report = bus.close(20, TimeUnit.SECONDS);

        assertTrue(report.drained(), "aborted slots stalled the drain: " + report);
        assertEquals((long) producers * (ATTEMPTS / 3), failures, "every third attempt failed and was reported");
        assertEquals(0, first.poisoned.get() + join.poisoned.get(), "a stage saw a half-written event");
        assertEquals(List.of(), first.errors(), "first stage");
        assertEquals(List.of(), join.errors(), "join stage");
        assertEquals(List.of(), OracleWorker.errorsOf(workers), "pool workers");
        assertEquals(List.of(), hits.exactlyOnceViolations(published), "pool exactly once");
        for (int p = 0; p < producers; p++) {
            assertEquals(published[p], first.delivered(p), "first stage, producer " + p);
            assertEquals(published[p], join.delivered(p), "join stage, producer " + p);
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2_000));
    }

    /** Returns {published, translator failures seen, failures that were not the translator's instance}. */
    private static long[] produce(Publisher<OracleEvent> publisher, int producer) {
        Attempt a = new Attempt();
        a.producer = producer;
        long failures = 0;
        long wrongInstance = 0;
        for (int i = 0; i < ATTEMPTS; i++) {
            a.fail = i % 3 == 2;
            a.thrown = null;
            try {
                switch (i % 4) {
                    case 0:
                        publisher.publishEvent(TRANSLATOR, a);
                        break;
                    case 1:
                        publisher.publishEvent(TWO_ARG, a, "unused");
                        break;
                    default:
                        while (!publisher.tryPublishEvent(TRANSLATOR, a)) {
                            Thread.yield(); // ring full: nothing was claimed, try again
                        }
                }
                if (a.fail) {
                    wrongInstance++; // the failure was swallowed
                } else {
                    a.seq++;
                }
            } catch (RuntimeException e) {
                failures++;
                if (!a.fail || e != a.thrown) {
                    wrongInstance++;
                }
            }
        }
        return new long[] {a.seq, failures, wrongInstance};
    }
}
