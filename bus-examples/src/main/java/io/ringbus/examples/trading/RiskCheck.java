package io.ringbus.examples.trading;

import io.ringbus.EventHandler;

/**
 * Pre-trade risk: rejects an order that would take its account's net position beyond a limit. Runs in
 * parallel with the journal; the matching engine runs after both.
 */
final class RiskCheck implements EventHandler<Order> {
    static final long POSITION_LIMIT = 1_500;

    private final long[] position = new long[OrderFlow.ACCOUNTS];
    private final AllocationMeter meter = new AllocationMeter();
    long approved;
    long rejected;

    @Override
    public void onEvent(Order order, long sequence, boolean endOfBatch) {
        meter.onEvent();
        long signed = order.side == Order.BUY ? order.quantity : -order.quantity;
        long after = position[order.account] + signed;
        boolean ok = Math.abs(after) <= POSITION_LIMIT;
        if (ok) {
            position[order.account] = after;
            approved++;
        } else {
            rejected++;
        }
        order.approved = ok;
        order.riskCheckedId = order.orderId;
    }

    @Override
    public void onShutdown() {
        meter.stop();
    }

    AllocationMeter meter() {
        return meter;
    }
}
