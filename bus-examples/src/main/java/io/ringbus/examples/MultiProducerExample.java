package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Multi-producer, single consumer (MPSC): several threads publish into one bus, one consumer sees the
 * merged stream.
 *
 * <pre>
 *   producer 0 --+
 *   producer 1 --+--claim (one atomic add)--&gt; [ ring ] --&gt; merger
 *   producer 2 --+
 * </pre>
 *
 * {@link ProducerMode#MULTI} makes every claim one atomic add, so any thread may publish. Producers fill
 * their slots through a translator that captures nothing, passing their own state as the argument, so
 * publishing allocates nothing. The consumer checks that each producer's events arrive complete and in the
 * order that producer published them; across producers the interleaving is whatever the race made it.
 *
 * <p>Run: {@code MultiProducerExample [eventsPerProducer] [producers]}
 */
public final class MultiProducerExample {

    static final class Message {
        int producerId;
        long producerSeq;
    }

    /** One producer's state, handed to the translator as its argument. */
    static final class ProducerState {
        final int id;
        long next;

        ProducerState(int id) {
            this.id = id;
        }
    }

    /** A constant, non-capturing translator: no allocation per publish. */
    private static final EventTranslatorOneArg<Message, ProducerState> NEXT_MESSAGE = (m, sequence, producer) -> {
        m.producerId = producer.id;
        m.producerSeq = producer.next++;
    };

    public record Result(int producers, long perProducer, List<Long> receivedPerProducer, long outOfOrder,
                         boolean drained) {
        public boolean ok() {
            return receivedPerProducer.stream().allMatch(n -> n == perProducer) && outOfOrder == 0 && drained;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        long perProducer = args.length > 0 ? Long.parseLong(args[0]) : 500_000;
        int producers = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Result r = run(perProducer, producers);
        System.out.printf("multi-producer: %d producers -> 1 consumer, %,d events each%n", producers, perProducer);
        for (int p = 0; p < producers; p++) {
            System.out.printf("  producer %d: received %,d%n", p, r.receivedPerProducer().get(p));
        }
        System.out.printf("  out of per-producer order %d, drained %b%n", r.outOfOrder(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("multi-producer checks failed: " + r);
        }
    }

    public static Result run(long perProducer, int producers) throws InterruptedException {
        RingBus<Message> bus = RingBus.builder(Message::new)
                .capacity(1024)
                .producerMode(ProducerMode.MULTI)
                .name("mpsc")
                .build();
        Merger merger = new Merger(producers);
        bus.handleEventsWith(merger);
        bus.start();

        Publisher<Message> publisher = bus.publisher();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> threads = new ArrayList<>();
        for (int p = 0; p < producers; p++) {
            ProducerState state = new ProducerState(p);
            Thread t = new Thread(() -> {
                for (long i = 0; i < perProducer; i++) {
                    publisher.publishEvent(NEXT_MESSAGE, state);
                }
            }, "mpsc-producer-" + p);
            t.setUncaughtExceptionHandler((thread, e) -> failure.compareAndSet(null, e));
            threads.add(t);
        }
        ShutdownReport report;
        try {
            threads.forEach(Thread::start);
            for (Thread t : threads) {
                t.join(TimeUnit.SECONDS.toMillis(30));
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a producer failed", failure.get());
        }
        List<Long> received = Arrays.stream(merger.received).boxed().toList();
        return new Result(producers, perProducer, received, merger.outOfOrder, report.drained());
    }

    /** The single consumer: per producer, the next sequence it expects. */
    static final class Merger implements EventHandler<Message> {
        final long[] received;
        long outOfOrder;

        Merger(int producers) {
            received = new long[producers];
        }

        @Override
        public void onEvent(Message m, long sequence, boolean endOfBatch) {
            if (m.producerSeq != received[m.producerId]) {
                outOfOrder++;    // a gap, a repeat or a swap in this producer's stream
            }
            received[m.producerId]++;
        }
    }

    private MultiProducerExample() {
    }
}
