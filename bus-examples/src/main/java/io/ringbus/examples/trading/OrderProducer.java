package io.ringbus.examples.trading;

import io.ringbus.Publisher;

import java.util.concurrent.locks.LockSupport;

/**
 * One producer thread: publishes its flow's orders, paced to a target rate (or flat out when the rate is 0).
 * Pacing parks until each order is due; a park may oversleep, after which the producer sends the orders
 * that fell due back to back until it is on schedule again, and remembers how far behind it fell.
 */
final class OrderProducer implements Runnable {
    private final Publisher<Order> publisher;
    private final OrderFlow flow;
    private final int orders;
    private final long intervalNanos;
    private final AllocationMeter meter = new AllocationMeter();
    long maxBehindNanos;

    /** @param ratePerSecond orders per second, or 0 for as fast as the bus takes them */
    OrderProducer(Publisher<Order> publisher, int producerId, int orders, int ratePerSecond) {
        this.publisher = publisher;
        this.flow = new OrderFlow(producerId);
        this.orders = orders;
        this.intervalNanos = ratePerSecond > 0 ? 1_000_000_000L / ratePerSecond : 0;
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        for (int i = 0; i < orders; i++) {
            if (intervalNanos > 0) {
                long due = start + i * intervalNanos;
                long now;
                while ((now = System.nanoTime()) < due) {
                    LockSupport.parkNanos(due - now);
                }
                maxBehindNanos = Math.max(maxBehindNanos, now - due);
            }
            publisher.publishEvent(OrderFlow.NEXT_ORDER, flow);   // constant translator: no allocation
            meter.onEvent();
        }
        meter.stop();
    }

    int published() {
        return flow.published();
    }

    AllocationMeter meter() {
        return meter;
    }
}
