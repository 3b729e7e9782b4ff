package io.ringbus.examples.trading;

import io.ringbus.EventHandler;

import java.util.Arrays;

/**
 * Matches market orders against a book of resting liquidity, after the journal and the risk check have both
 * finished with the order (the join of the diamond). It checks that it sees both of their writes for this
 * very order; a miss is counted in {@link #diamondViolations}.
 *
 * <p>The book is a fixed ladder of price levels per side, preallocated; a market order walks the levels from
 * the best price, and a market maker refills every level it empties. Prices are in ticks.
 */
final class MatchingEngine implements EventHandler<Order> {
    static final long MID_PRICE = 10_000;
    private static final int LEVELS = 8;
    private static final long LEVEL_DEPTH = 40;

    private final long[] askQuantity = new long[LEVELS];   // level i at MID_PRICE + 1 + i
    private final long[] bidQuantity = new long[LEVELS];   // level i at MID_PRICE - 1 - i
    private final AllocationMeter meter = new AllocationMeter();
    long matched;
    long rejected;
    long trades;
    long filledQuantity;
    long diamondViolations;

    MatchingEngine() {
        Arrays.fill(askQuantity, LEVEL_DEPTH);
        Arrays.fill(bidQuantity, LEVEL_DEPTH);
    }

    @Override
    public void onEvent(Order order, long sequence, boolean endOfBatch) {
        meter.onEvent();
        if (order.journaledId != order.orderId || order.riskCheckedId != order.orderId) {
            diamondViolations++;                      // never: the join runs after both stages
        }
        if (!order.approved) {
            order.status = Order.REJECTED;
            order.filledQuantity = 0;
            order.notional = 0;
            rejected++;
        } else {
            fill(order, order.side == Order.BUY ? askQuantity : bidQuantity, order.side == Order.BUY ? 1 : -1);
            matched++;
        }
        order.matchedId = order.orderId;
    }

    /** Walks the opposite side from its best level; direction +1 walks asks upwards, -1 bids downwards. */
    private void fill(Order order, long[] levels, int direction) {
        long remaining = order.quantity;
        long notional = 0;
        for (int i = 0; i < LEVELS && remaining > 0; i++) {
            long take = Math.min(remaining, levels[i]);
            if (take == 0) {
                continue;
            }
            levels[i] -= take;
            remaining -= take;
            notional += take * (MID_PRICE + direction * (1 + i));
            trades++;
        }
        for (int i = 0; i < LEVELS; i++) {
            if (levels[i] == 0) {
                levels[i] = LEVEL_DEPTH;              // the market maker requotes an emptied level
            }
        }
        long filled = order.quantity - remaining;
        order.filledQuantity = filled;
        order.notional = notional;
        order.status = remaining == 0 ? Order.FILLED : Order.PARTIALLY_FILLED;
        filledQuantity += filled;
    }

    @Override
    public void onShutdown() {
        meter.stop();
    }

    AllocationMeter meter() {
        return meter;
    }
}
