package io.ringbus.reliability;

import io.ringbus.EventTranslatorOneArg;
import io.ringbus.EventTranslatorTwoArg;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.testkit.OracleEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import static io.ringbus.reliability.FaultScenarios.addFailures;
import static io.ringbus.reliability.FaultScenarios.assertNoProblems;
import static io.ringbus.reliability.FaultScenarios.requireCleanClose;
import static io.ringbus.reliability.FaultScenarios.start;
import static io.ringbus.reliability.FaultTableTest.HANG_MILLIS;
import static io.ringbus.reliability.FaultTableTest.bus;

/** Fault-table rows about the publishing side: the raw API on a tiny ring, and translators that throw. */
final class PublishScenarios {
    private PublishScenarios() {
    }

    /**
     * The raw publish API on a ring of 1 or 2 slots: claim the whole ring in one batch; while a stage holds
     * slot 0 every try-claim fails and changes nothing; an aborted batch is skipped and the next event arrives.
     */
    static void rawApiAtTinyCapacity(int capacity, ProducerMode mode) throws InterruptedException {
        String name = "rft-raw" + capacity + mode;
        Gate gate = new Gate();
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus(name, capacity, mode, Wait.BLOCKING, policy);
        CheckedGraph graph = new CheckedGraph(1);
        bus.handleEventsWith(graph.stage("a", new MarkingChecker(1) {
            @Override
            public void onEvent(OracleEvent event, long sequence, boolean endOfBatch) {
                if (sequence == 0) {
                    gate.pass();
                }
                super.onEvent(event, sequence, endOfBatch);
            }
        }));
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        List<String> problems = new ArrayList<>();
        try {
            long lo = publisher.claim(capacity);
            for (int i = 0; i < capacity; i++) {
                publisher.get(lo + i).fill(0, i);
            }
            publisher.publish(lo, lo + capacity - 1);
            if (!gate.awaitArrival(HANG_MILLIS)) {
                problems.add("the stage never received sequence 0");
            }
            long claimed = bus.lastClaimedSequence();
            TimedProducers.Next next = new TimedProducers.Next(0);
            next.seq = 99;
            expect(problems, "tryClaim() on a full ring", Publisher.INSUFFICIENT_CAPACITY, publisher.tryClaim());
            expect(problems, "tryClaim(capacity) on a full ring", Publisher.INSUFFICIENT_CAPACITY, publisher.tryClaim(capacity));
            expect(problems, "tryPublishEvent on a full ring", 0, publisher.tryPublishEvent(TimedProducers.FILL, next) ? 1 : 0);
            expect(problems, "claim(1, 1 ms) on a full ring", Publisher.TIMED_OUT, publisher.claim(1, 1, TimeUnit.MILLISECONDS));
            expect(problems, "the claim cursor after failed claims", claimed, bus.lastClaimedSequence());
            expect(problems, "remainingCapacity() on a full ring", 0, publisher.remainingCapacity());
        } finally {
            gate.open();
        }
        long aborted = publisher.claim(capacity);
        publisher.abort(aborted, aborted + capacity - 1);
        long s = publisher.claim();
        publisher.get(s).fill(0, capacity);
        publisher.publish(s);
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        problems.addAll(graph.verifyExactlyOnce(new long[] {capacity + 1}));
        requireCleanClose(report, name, problems);
        policy.failures().forEach(f -> problems.add("handler failed: " + f));
        assertNoProblems("raw API at capacity " + capacity + ", " + mode, problems);
    }

    private static void expect(List<String> problems, String what, long expected, long actual) {
        if (expected != actual) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    /**
     * Every 3rd translator call writes half an event and throws. The publisher sees that very exception, no
     * stage sees the half-written event (its checksum would not match), the aborted slot stalls nothing, and
     * the retried event arrives once.
     */
    static void flakyTranslator(ProducerMode mode, Shape shape) throws InterruptedException {
        int producers = mode == ProducerMode.SINGLE ? 1 : 2;
        long events = 3000;
        String name = "rft-xlate-" + mode + "-" + shape.ordinal();
        RecordingPolicy policy = new RecordingPolicy();
        RingBus<OracleEvent> bus = bus(name, 8, mode, Wait.YIELD, policy);
        CheckedGraph graph = CheckedGraph.wire(bus, shape, producers);
        bus.start();
        Publisher<OracleEvent> publisher = bus.publisher();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<FlakyTranslator> translators = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            FlakyTranslator translator = new FlakyTranslator(p);
            translators.add(translator);
            threads.add(start(name + "-producer-" + p, failures, () -> {
                for (long seq = 0; seq < events; seq++) {
                    translator.publishRetrying(publisher, seq);
                }
            }));
        }
        List<String> problems = new ArrayList<>();
        for (Thread t : threads) {
            FaultScenarios.join(t, bus, problems);
        }
        addFailures(failures, problems);
        ShutdownReport report = bus.close(HANG_MILLIS, TimeUnit.MILLISECONDS);
        long[] published = new long[producers];
        Arrays.fill(published, events);
        problems.addAll(graph.verifyExactlyOnce(published));
        requireCleanClose(report, name, problems);
        long thrown = 0;
        for (FlakyTranslator t : translators) {
            thrown += t.thrown;
            if (t.thrown == 0 || t.seenByPublisher != t.thrown) {
                problems.add("producer " + t.producer + ": translator threw " + t.thrown + " times, the publisher saw "
                        + t.seenByPublisher);
            }
        }
        if (report.lastSequence() != events * producers + thrown - 1) {
            problems.add("claimed up to " + report.lastSequence() + ", expected one sequence per attempt: "
                    + (events * producers + thrown - 1));
        }
        policy.failures().forEach(f -> problems.add("handler failed: " + f));
        assertNoProblems("translator throws, " + mode + " " + shape, problems);
    }

    /** Fills one producer's events; every 3rd call tears the event (no checksum) and throws instead. */
    private static final class FlakyTranslator
            implements EventTranslatorOneArg<OracleEvent, Long>, EventTranslatorTwoArg<OracleEvent, Long, Long> {
        final int producer;
        long calls;
        long thrown;
        long seenByPublisher;
        private long attempts;
        private RuntimeException lastThrown;

        FlakyTranslator(int producer) {
            this.producer = producer;
        }

        @Override
        public void translateTo(OracleEvent event, long sequence, Long seq) {
            fill(event, seq);
        }

        @Override
        public void translateTo(OracleEvent event, long sequence, Long seq, Long unused) {
            fill(event, seq);
        }

        private void fill(OracleEvent event, long seq) {
            if (++calls % 3 == 0) {
                event.producer = producer; // half an event: the checksum is never written
                event.producerSeq = seq;
                event.payload = ~event.payload;
                thrown++;
                lastThrown = new IllegalStateException("injected translator failure on call " + calls);
                throw lastThrown;
            }
            event.fill(producer, seq);
        }

        /** Publishes {@code seq} through each publish form in turn, retrying after an injected failure. */
        void publishRetrying(Publisher<OracleEvent> publisher, long seq) {
            for (;;) {
                try {
                    switch ((int) (attempts++ % 4)) {
                        case 0:
                            publisher.publishEvent(this, seq);
                            break;
                        case 1:
                            publisher.publishEvent(this, seq, seq);
                            break;
                        case 2:
                            while (!publisher.tryPublishEvent(this, seq)) {
                                Thread.yield(); // the ring is full: let the stages run
                            }
                            break;
                        default:
                            while (!publisher.tryPublishEvent(this, seq, seq)) {
                                Thread.yield();
                            }
                    }
                    return;
                } catch (IllegalStateException e) {
                    if (e != lastThrown) {
                        throw e; // not ours: a real failure
                    }
                    seenByPublisher++;
                }
            }
        }
    }
}
