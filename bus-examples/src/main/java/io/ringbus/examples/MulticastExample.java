package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Multicast (1P-3C): every consumer sees every event, each on its own thread, with no copying.
 *
 * <pre>
 *                          +--&gt; journal
 *   producer --&gt; [ ring ] -+--&gt; replicate
 *                          +--&gt; logic
 *   producer &lt;-- gating -- min(journal, replicate, logic)
 * </pre>
 *
 * Each stage folds the values into an order-sensitive fingerprint; the three fingerprints match each other
 * and the producer's, so all three saw the same events in the same order. The stages run independently:
 * each takes whatever is ready as one batch, so their batch counts differ.
 *
 * <p>Run: {@code MulticastExample [events]}
 */
public final class MulticastExample {

    static final class ValueEvent {
        long value;
    }

    /** What one run did, per stage in the order journal, replicate, logic. */
    public record Result(long published, long expectedFingerprint, List<Long> received, List<Long> fingerprints,
                         List<Long> batches, boolean drained) {
        public boolean ok() {
            return drained && received.stream().allMatch(n -> n == published)
                    && fingerprints.stream().allMatch(f -> f == expectedFingerprint);
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Result r = run(events);
        System.out.printf("multicast: 1 producer -> 3 consumers, %,d events%n", r.published());
        String[] names = {"journal", "replicate", "logic"};
        for (int i = 0; i < names.length; i++) {
            System.out.printf("  %-9s received %,d in %,d batches, fingerprint %016x%n",
                    names[i], r.received().get(i), r.batches().get(i), r.fingerprints().get(i));
        }
        System.out.printf("  expected fingerprint %016x, drained %b%n", r.expectedFingerprint(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("multicast checks failed: " + r);
        }
    }

    public static Result run(long events) {
        RingBus<ValueEvent> bus = RingBus.builder(ValueEvent::new).capacity(1024).name("multicast").build();
        Fingerprint journal = new Fingerprint();
        Fingerprint replicate = new Fingerprint();
        Fingerprint logic = new Fingerprint();
        // three stages side by side: none waits for another, the producer waits for the slowest
        bus.handleEventsWith(StageSpec.of(journal).named("journal"), StageSpec.of(replicate).named("replicate"),
                StageSpec.of(logic).named("logic"));
        bus.start();

        Publisher<ValueEvent> publisher = bus.publisher();
        long expected = 0;
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                long seq = publisher.claim();
                publisher.get(seq).value = i;
                publisher.publish(seq);
                expected = Fingerprint.fold(expected, i);
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        List<Long> batches = bus.stats().stream().map(StageStats::batches).toList();
        return new Result(events, expected, List.of(journal.received, replicate.received, logic.received),
                List.of(journal.fingerprint, replicate.fingerprint, logic.fingerprint), batches, report.drained());
    }

    /** Folds every value into a hash that changes if any value is missing, repeated or reordered. */
    static final class Fingerprint implements EventHandler<ValueEvent> {
        long received;
        long fingerprint;

        static long fold(long hash, long value) {
            return hash * 31 + value;
        }

        @Override
        public void onEvent(ValueEvent event, long sequence, boolean endOfBatch) {
            fingerprint = fold(fingerprint, event.value);
            received++;
        }
    }

    private MulticastExample() {
    }
}
