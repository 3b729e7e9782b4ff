package io.ringbus.examples.trading;

import io.ringbus.EventHandler;
import org.HdrHistogram.Histogram;

/**
 * The gateway's last stage on the execution bus: checks that each order comes back exactly once, matched,
 * and in each gateway thread's order, and records the round trip from the order's send stamp.
 */
final class ExecutionTracker implements EventHandler<Order> {
    private final int[] nextSeq;
    private final Histogram roundTrip = new Histogram(ExecutionReporter.HIGHEST_TRACKABLE_NANOS, 3);
    private volatile long executions;
    long filled;
    long rejected;
    long outOfOrder;
    long unmatched;

    ExecutionTracker(int producers) {
        nextSeq = new int[producers];
    }

    @Override
    public void onEvent(Order o, long sequence, boolean endOfBatch) {
        if (o.producerSeq != nextSeq[o.producerId]) {
            outOfOrder++;
        }
        nextSeq[o.producerId] = o.producerSeq + 1;
        if (o.matchedId != o.orderId) {
            unmatched++;
        }
        if (o.status == Order.REJECTED) {
            rejected++;
        } else {
            filled++;
        }
        roundTrip.recordValue(Math.min(System.nanoTime() - o.sentNanos, ExecutionReporter.HIGHEST_TRACKABLE_NANOS));
        executions = executions + 1;               // one writer: this stage
    }

    long executions() {
        return executions;
    }

    /** Read after the execution bus has closed. */
    Histogram roundTrip() {
        return roundTrip;
    }
}
