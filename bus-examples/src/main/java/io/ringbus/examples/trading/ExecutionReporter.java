package io.ringbus.examples.trading;

import io.ringbus.WorkHandler;
import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * One worker of the execution-report pool, the last stage: encodes the execution report into its own
 * preallocated buffer (standing in for a send to the gateway) and records the order's end-to-end latency,
 * from the producer's send stamp to now, in its own histogram. Each order is reported by exactly one
 * worker; the shared table of acks proves it.
 */
final class ExecutionReporter implements WorkHandler<Order> {
    /** Latencies above this are clamped into the top bucket rather than failing the record. */
    static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final ByteBuffer outbound = ByteBuffer.allocateDirect(64);
    private final Histogram latency = new Histogram(HIGHEST_TRACKABLE_NANOS, 3);
    private final AtomicIntegerArray acks;
    private final int ordersPerProducer;
    private final AllocationMeter meter = new AllocationMeter();
    long reported;
    long unmatched;

    ExecutionReporter(AtomicIntegerArray acks, int ordersPerProducer) {
        this.acks = acks;
        this.ordersPerProducer = ordersPerProducer;
    }

    @Override
    public void onEvent(Order order, long sequence) {
        meter.onEvent();
        if (order.matchedId != order.orderId) {
            unmatched++;                               // never: the pool runs after the matching engine
        }
        outbound.clear();
        outbound.putLong(order.orderId).put(order.status).putLong(order.filledQuantity).putLong(order.notional);
        acks.incrementAndGet(order.producerId * ordersPerProducer + order.producerSeq);
        latency.recordValue(Math.min(System.nanoTime() - order.sentNanos, HIGHEST_TRACKABLE_NANOS));
        reported++;
    }

    @Override
    public void onShutdown() {
        meter.stop();
    }

    Histogram latency() {
        return latency;
    }

    AllocationMeter meter() {
        return meter;
    }
}
