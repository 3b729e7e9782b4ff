package io.ringbus.examples.trading;

import io.ringbus.EventTranslatorOneArg;

/**
 * One producer's synthetic order stream: random accounts, sides and sizes from a fixed seed. It is passed
 * to the constant translator {@link #NEXT_ORDER} as its argument, so publishing captures nothing and
 * allocates nothing.
 */
final class OrderFlow {
    static final int ACCOUNTS = 64;
    static final long MAX_QUANTITY = 100;

    /** Fills the claimed slot with the flow's next order and stamps the send time last. */
    static final EventTranslatorOneArg<Order, OrderFlow> NEXT_ORDER = (order, sequence, flow) -> flow.fill(order);

    private final int producerId;
    private int next;
    private long seed;

    OrderFlow(int producerId) {
        this.producerId = producerId;
        this.seed = 0x9E3779B97F4A7C15L * (producerId + 1);
    }

    private void fill(Order order) {
        long r = nextRandom();
        order.producerId = producerId;
        order.producerSeq = next;
        order.orderId = ((long) producerId << 32) | next;
        order.account = (int) (r & (ACCOUNTS - 1));
        order.side = (r & 0x100) == 0 ? Order.BUY : Order.SELL;
        order.quantity = 1 + ((r >>> 16) % MAX_QUANTITY);
        order.sentNanos = System.nanoTime();
        next++;
    }

    int published() {
        return next;
    }

    private long nextRandom() {
        long x = seed;        // xorshift64: cheap, allocation-free, reproducible per producer
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return x >>> 1;
    }
}
