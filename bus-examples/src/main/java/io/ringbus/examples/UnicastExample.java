package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;

import java.util.concurrent.TimeUnit;

/**
 * Unicast (1P-1C): one producer, one consumer, the smallest useful bus.
 *
 * <pre>
 *   producer --claim / get / publish--&gt; [ ring ] --&gt; summer
 *   producer &lt;-------- gating ----------------------- summer
 * </pre>
 *
 * The producer claims a slot, writes the preallocated event in place and publishes it; the consumer sees
 * every event once, in the order it was published. The producer never laps the consumer: it waits for a slot
 * the consumer has finished with.
 *
 * <p>Run: {@code UnicastExample [events]}
 */
public final class UnicastExample {

    /** The event: one mutable slot of the ring, created once and reused for ever. */
    static final class ValueEvent {
        long value;
    }

    /** What one run did. */
    public record Result(long published, long received, long outOfOrder, long sum, boolean drained, long millis) {
        public long expectedSum() {
            return published * (published - 1) / 2;
        }

        public boolean ok() {
            return received == published && outOfOrder == 0 && sum == expectedSum() && drained;
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Result r = run(events);
        System.out.printf("unicast: 1 producer -> 1 consumer, %,d events in %d ms%n", r.published(), r.millis());
        System.out.printf("  received %,d, out of order %d, sum %,d (expected %,d), drained %b%n",
                r.received(), r.outOfOrder(), r.sum(), r.expectedSum(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("unicast checks failed: " + r);
        }
    }

    public static Result run(long events) {
        RingBus<ValueEvent> bus = RingBus.builder(ValueEvent::new).capacity(1024).name("unicast").build();
        Summer summer = new Summer();
        bus.handleEventsWith(summer);
        bus.start();

        long begin = System.nanoTime();
        Publisher<ValueEvent> publisher = bus.publisher();
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                long seq = publisher.claim();        // waits while the ring is full
                publisher.get(seq).value = i;        // plain write into the preallocated slot
                publisher.publish(seq);              // makes the write visible to the consumer
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS); // delivers everything published, joins the thread
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
        // close() joined the stage thread, so the handler's plain fields are safe to read here
        return new Result(events, summer.received, summer.outOfOrder, summer.sum, report.drained(), millis);
    }

    /** Sums the values and checks they arrive in publish order. Runs on its own stage thread. */
    static final class Summer implements EventHandler<ValueEvent> {
        long received;
        long outOfOrder;
        long sum;

        @Override
        public void onEvent(ValueEvent event, long sequence, boolean endOfBatch) {
            if (event.value != received) {
                outOfOrder++;
            }
            received++;
            sum += event.value;
        }
    }

    private UnicastExample() {
    }
}
