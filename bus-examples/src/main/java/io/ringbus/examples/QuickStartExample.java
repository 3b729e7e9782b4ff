package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.ProducerMode;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageGroup;
import io.ringbus.wait.BlockingWaitStrategy;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The README's quick start, compiled and run: a diamond (risk and journal in parallel, then a matcher) on a
 * multi-producer bus with blocking waits. Order is the ring's event; Request is what a gateway receives.
 */
public final class QuickStartExample {

    /** What a gateway receives from a client. */
    public record Request(long id, long price, long quantity) {
    }

    /** The ring's event: filled in place from a request. */
    public static final class Order {
        long id;
        long price;
        long quantity;
        boolean riskChecked;
        boolean journaled;

        void fillFrom(Request r) {
            id = r.id();
            price = r.price();
            quantity = r.quantity();
            riskChecked = false;
            journaled = false;
        }
    }

    /** A constant translator: publishing allocates nothing. */
    static final EventTranslatorOneArg<Order, Request> ORDER_FROM_REQUEST = (order, seq, request) -> order.fillFrom(request);

    /** Orders matched, and how many of them the matcher saw both upstream stages finish. */
    public record Result(long matched, long seenChecked) {
    }

    public static Result run(int orders) {
        AtomicLong matched = new AtomicLong();
        AtomicLong seenChecked = new AtomicLong();
        EventHandler<Order> riskCheck = (order, seq, end) -> order.riskChecked = true;
        EventHandler<Order> journaller = (order, seq, end) -> order.journaled = true;
        EventHandler<Order> matcher = (order, seq, end) -> {
            matched.incrementAndGet();
            if (order.riskChecked && order.journaled) {
                seenChecked.incrementAndGet();
            }
        };

        RingBus<Order> bus = RingBus.builder(Order::new)
                .capacity(1024)
                .producerMode(ProducerMode.MULTI)              // any thread may publish
                .waitStrategy(new BlockingWaitStrategy())      // idle stages use no CPU
                .build();

        StageGroup<Order> risk = bus.handleEventsWith(riskCheck);
        StageGroup<Order> journal = bus.handleEventsWith(journaller);
        risk.and(journal).then(matcher);                       // a diamond: matcher runs after both
        bus.start();

        Publisher<Order> publisher = bus.publisher();
        for (int i = 0; i < orders; i++) {
            Request request = new Request(i, 100 + i % 7, 1 + i % 3); // from the wire, in a real gateway
            publisher.publishEvent(ORDER_FROM_REQUEST, request);      // claim, fill, publish; no allocation
        }

        bus.close();                                           // delivers everything published, joins the threads
        return new Result(matched.get(), seenChecked.get());
    }

    public static void main(String[] args) {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Result r = run(orders);
        System.out.printf("quick start: %d orders matched, %d after both risk and journal%n", r.matched(), r.seenChecked());
    }
}
