package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Abort: a claimed slot that must not be published is aborted, and every stage skips it. Nothing stalls
 * behind it and no stage ever sees a half-written event.
 *
 * <pre>
 *   "17"  --translator--&gt; slot 0  published --&gt; consumer sees 17
 *   "x9"  --translator--&gt; slot 1  throws    --&gt; slot aborted, exception to the producer, consumer skips it
 *   "-3"  --claim, check--&gt; slot 2  abort() --&gt; consumer skips it
 * </pre>
 *
 * Two ways in: {@code publishEvent} with a translator that throws aborts the slot for you and rethrows; and
 * after {@code claim()} you can call {@code abort(seq)} yourself when you decide not to publish. The
 * translator writes the order id first and a checksum last, so a half-written slot reaching the consumer
 * would show up as a checksum mismatch; the consumer also checks it never receives an aborted sequence.
 *
 * <p>Run: {@code AbortExample [inputs]}
 */
public final class AbortExample {

    static final class Order {
        long id;
        long quantity;
        long checksum;   // written last: id ^ quantity
    }

    /** Parses the quantity; throws on malformed input, after it has already written part of the slot. */
    private static final EventTranslatorOneArg<Order, String> PARSE_ORDER = (order, sequence, text) -> {
        order.id = sequence;
        order.quantity = Long.parseLong(text);   // NumberFormatException: the bus aborts the slot
        order.checksum = order.id ^ order.quantity;
    };

    public record Result(int inputs, long published, long translatorFailures, long abortedByProducer,
                         long received, long tornEvents, long abortedButDelivered, boolean drained) {
        public boolean ok() {
            return received == published && published + translatorFailures + abortedByProducer == inputs
                    && translatorFailures > 0 && abortedByProducer > 0
                    && tornEvents == 0 && abortedButDelivered == 0 && drained;
        }
    }

    public static void main(String[] args) {
        int inputs = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Result r = run(inputs);
        System.out.printf("abort: %,d inputs, every 5th malformed, every 7th rejected after claim%n", r.inputs());
        System.out.printf("  published %,d, translator failures %,d (slots aborted by the bus), "
                + "aborted by the producer %,d%n", r.published(), r.translatorFailures(), r.abortedByProducer());
        System.out.printf("  received %,d, torn events %d, aborted slots delivered %d, drained %b%n",
                r.received(), r.tornEvents(), r.abortedButDelivered(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("abort checks failed: " + r);
        }
    }

    public static Result run(int inputs) {
        RingBus<Order> bus = RingBus.builder(Order::new).capacity(64).name("abort").build();
        Consumer consumer = new Consumer();
        bus.handleEventsWith(consumer);
        bus.start();

        Publisher<Order> publisher = bus.publisher();
        long published = 0;
        long translatorFailures = 0;
        long abortedByProducer = 0;
        ShutdownReport report;
        try {
            for (int i = 0; i < inputs; i++) {
                if (i % 7 == 6) {
                    // the second way: claim, look, and decide not to publish
                    long seq = publisher.claim();
                    consumer.aborted.add(seq);           // recorded before the abort makes the slot visible
                    publisher.abort(seq);
                    abortedByProducer++;
                    continue;
                }
                String text = i % 5 == 4 ? "x" + i : Integer.toString(i % 1000);
                try {
                    publisher.publishEvent(PARSE_ORDER, text);
                    published++;
                } catch (NumberFormatException malformed) {
                    translatorFailures++;                // the slot was aborted before this reached us
                }
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        return new Result(inputs, published, translatorFailures, abortedByProducer, consumer.received,
                consumer.torn, consumer.abortedButDelivered, report.drained());
    }

    /** Counts what it receives and checks each event is whole and was never aborted. */
    static final class Consumer implements EventHandler<Order> {
        /** Sequences the producer aborted itself; written before each abort, read after it. */
        final Set<Long> aborted = Collections.synchronizedSet(new HashSet<>());
        long received;
        long torn;
        long abortedButDelivered;

        @Override
        public void onEvent(Order order, long sequence, boolean endOfBatch) {
            if (order.id != sequence || order.checksum != (order.id ^ order.quantity)) {
                torn++;
            }
            if (aborted.contains(sequence)) {
                abortedButDelivered++;
            }
            received++;
        }
    }

    private AbortExample() {
    }
}
