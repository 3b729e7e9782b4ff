package io.ringbus.examples;

import io.ringbus.ClaimTimeoutException;
import io.ringbus.EventHandler;
import io.ringbus.OverflowPolicy;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.RingFullException;
import io.ringbus.ShutdownReport;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Back-pressure: what a producer can do when the consumer falls behind and the ring is full. The ring never
 * overwrites an event the consumer has not read; the producer chooses how to wait.
 *
 * <pre>
 *   producer --&gt; [ 8 slots, all full ] --&gt; consumer (held at a gate, or slow)
 *      tryClaim()              -&gt; INSUFFICIENT_CAPACITY at once, nothing claimed
 *      claim(1, 2 ms)          -&gt; TIMED_OUT after 2 ms, nothing claimed
 *      claim()  policy block   -&gt; waits until the consumer frees a slot (the default)
 *      claim()  policy failFast / blockUpTo(2 ms) -&gt; RingFullException / ClaimTimeoutException
 * </pre>
 *
 * The consumer is held at a gate in {@code onStart} until the producer has filled the ring, so every
 * outcome above is certain, not a race. Then the gate opens, a slow consumer takes over, and a blocking
 * producer publishes more events than the ring holds: all of them arrive, and
 * {@link RingBus#producerStallNanos()} shows how long the producer waited.
 *
 * <p>Run: {@code BackPressureExample [blockingEvents]}
 */
public final class BackPressureExample {
    private static final int CAPACITY = 8;

    static final class Event {
        long value;
    }

    public record Result(int accepted, int rejectedByTryClaim, boolean timedClaimTimedOut, boolean failFastThrew,
                         boolean blockUpToThrew, long blockingPublished, long delivered, long published,
                         long stallNanos, boolean drained) {
        public boolean ok() {
            return accepted == CAPACITY && rejectedByTryClaim == 1 && timedClaimTimedOut && failFastThrew
                    && blockUpToThrew && delivered == published && stallNanos > 0 && drained;
        }
    }

    public static void main(String[] args) {
        int blocking = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        Result r = run(blocking);
        System.out.printf("back-pressure: ring of %d slots, consumer held at a gate%n", CAPACITY);
        System.out.printf("  tryClaim: %d accepted, then %d rejected with INSUFFICIENT_CAPACITY%n",
                r.accepted(), r.rejectedByTryClaim());
        System.out.printf("  claim(1, 2 ms) timed out: %b%n", r.timedClaimTimedOut());
        System.out.printf("  policy failFast threw RingFullException: %b; blockUpTo(2 ms) threw "
                + "ClaimTimeoutException: %b%n", r.failFastThrew(), r.blockUpToThrew());
        System.out.printf("  then a slow consumer: %,d blocking claims, %,d published in all, %,d delivered%n",
                r.blockingPublished(), r.published(), r.delivered());
        System.out.printf("  producer stalled %.1f ms on a full ring, drained %b%n", r.stallNanos() / 1e6, r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("back-pressure checks failed: " + r);
        }
    }

    public static Result run(int blockingEvents) {
        // 1. The default policy (block): tryClaim and a timed claim against a full ring.
        RingBus<Event> bus = RingBus.builder(Event::new).capacity(CAPACITY).name("backpressure").build();
        GatedConsumer consumer = new GatedConsumer();
        bus.handleEventsWith(consumer);
        bus.start();
        Publisher<Event> publisher = bus.publisher();

        int accepted = 0;
        int rejected = 0;
        boolean timedOut;
        long published = 0;
        ShutdownReport report;
        try {
            for (int i = 0; i <= CAPACITY; i++) {              // one more than fits
                long seq = publisher.tryClaim();
                if (seq == Publisher.INSUFFICIENT_CAPACITY) {
                    rejected++;                                  // e.g. drop a market-data tick, count it
                    continue;
                }
                publisher.get(seq).value = published++;
                publisher.publish(seq);
                accepted++;
            }
            timedOut = publisher.claim(1, 2, TimeUnit.MILLISECONDS) == Publisher.TIMED_OUT;

            // 2. Open the gate; the consumer now takes 20 us per event, far slower than the producer.
            consumer.gate.countDown();
            for (int i = 0; i < blockingEvents; i++) {
                long seq = publisher.claim();                    // waits through the producer wait strategy
                publisher.get(seq).value = published++;
                publisher.publish(seq);
            }
        } finally {
            consumer.gate.countDown();
            report = bus.close(10, TimeUnit.SECONDS);
        }

        // 3. The other overflow policies make a plain claim() fail instead of waiting.
        boolean failFastThrew = overflows(OverflowPolicy.failFast(), RingFullException.class);
        boolean blockUpToThrew = overflows(OverflowPolicy.blockUpTo(Duration.ofMillis(2)), ClaimTimeoutException.class);

        return new Result(accepted, rejected, timedOut, failFastThrew, blockUpToThrew, blockingEvents,
                consumer.delivered, published, bus.producerStallNanos(), report.drained());
    }

    /** Fills a ring whose consumer is held at its gate, then claims once more; true if that claim threw. */
    private static boolean overflows(OverflowPolicy policy, Class<? extends RuntimeException> expected) {
        RingBus<Event> bus = RingBus.builder(Event::new).capacity(CAPACITY).overflowPolicy(policy)
                .name("overflow").build();
        GatedConsumer consumer = new GatedConsumer();
        bus.handleEventsWith(consumer);
        bus.start();
        Publisher<Event> publisher = bus.publisher();
        try {
            for (int i = 0; i < CAPACITY; i++) {
                publisher.publish(publisher.claim());
            }
            publisher.claim();                                    // the ring is full: the policy decides
            return false;
        } catch (RuntimeException e) {
            return expected.isInstance(e);
        } finally {
            consumer.gate.countDown();
            bus.close(10, TimeUnit.SECONDS);
        }
    }

    /** Waits at a gate before its first event, then handles each event slowly. */
    static final class GatedConsumer implements EventHandler<Event> {
        final CountDownLatch gate = new CountDownLatch(1);
        long delivered;

        @Override
        public void onStart() throws InterruptedException {
            if (!gate.await(10, TimeUnit.SECONDS)) {                // bounded: never hang the example
                throw new IllegalStateException("the gate was never opened");
            }
        }

        @Override
        public void onEvent(Event event, long sequence, boolean endOfBatch) {
            LockSupport.parkNanos(20_000);                       // a slow consumer
            delivered++;
        }
    }

    private BackPressureExample() {
    }
}
