package io.ringbus.examples;

import io.ringbus.EventHandler;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.ShutdownReport;
import io.ringbus.StageSpec;

import java.util.concurrent.TimeUnit;

/**
 * Pipeline: three stages in a row, each on its own thread, each reading what the previous one wrote into the
 * same event. Nothing is copied between stages: they hand the slot on by publishing their progress.
 *
 * <pre>
 *   producer --&gt; [ ring ] &lt;-- price &lt;-- fee &lt;-- settle
 *   producer &lt;-- gating ------------------------ settle
 * </pre>
 *
 * {@code price} writes the notional, {@code fee} reads it and writes the fee, {@code settle} recomputes both
 * from the producer's fields and counts every mismatch: there are none, because a stage sees an event only
 * after the stage before it has finished with it.
 *
 * <p>Run: {@code PipelineExample [events]}
 */
public final class PipelineExample {

    /** A trade: the producer fills price and quantity, the stages fill the rest. */
    static final class Trade {
        long price;
        long quantity;
        long notional;   // written by price
        long fee;        // written by fee
    }

    public record Result(long published, long settled, long mismatches, long totalFees, boolean drained) {
        public boolean ok() {
            return settled == published && mismatches == 0 && drained;
        }
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Result r = run(events);
        System.out.printf("pipeline: producer -> price -> fee -> settle, %,d trades%n", r.published());
        System.out.printf("  settled %,d, mismatches %d, total fees %,d, drained %b%n",
                r.settled(), r.mismatches(), r.totalFees(), r.drained());
        System.out.println(r.ok() ? "  OK" : "  FAILED");
        if (!r.ok()) {
            throw new IllegalStateException("pipeline checks failed: " + r);
        }
    }

    public static Result run(long events) {
        RingBus<Trade> bus = RingBus.builder(Trade::new).capacity(1024).name("pipeline").build();
        Settle settle = new Settle();
        bus.handleEventsWith(StageSpec.of(PipelineExample::price).named("price"))
                .then(StageSpec.of(PipelineExample::fee).named("fee"))
                .then(StageSpec.of(settle).named("settle"));
        bus.start();

        Publisher<Trade> publisher = bus.publisher();
        ShutdownReport report;
        try {
            for (long i = 0; i < events; i++) {
                long seq = publisher.claim();
                Trade t = publisher.get(seq);
                t.price = 10_000 + i % 500;
                t.quantity = 1 + i % 100;
                publisher.publish(seq);
            }
        } finally {
            report = bus.close(10, TimeUnit.SECONDS);
        }
        return new Result(events, settle.settled, settle.mismatches, settle.totalFees, report.drained());
    }

    /** Stage 1. */
    static void price(Trade t, long sequence, boolean endOfBatch) {
        t.notional = t.price * t.quantity;
    }

    /** Stage 2: reads what stage 1 wrote. */
    static void fee(Trade t, long sequence, boolean endOfBatch) {
        t.fee = t.notional / 1_000 + 1;
    }

    /** Stage 3: checks that it sees what both earlier stages wrote. */
    static final class Settle implements EventHandler<Trade> {
        long settled;
        long mismatches;
        long totalFees;

        @Override
        public void onEvent(Trade t, long sequence, boolean endOfBatch) {
            long notional = t.price * t.quantity;
            if (t.notional != notional || t.fee != notional / 1_000 + 1) {
                mismatches++;
            }
            totalFees += t.fee;
            settled++;
        }
    }

    private PipelineExample() {
    }
}
