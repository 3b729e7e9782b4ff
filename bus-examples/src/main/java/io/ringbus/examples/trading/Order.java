package io.ringbus.examples.trading;

/**
 * A market order in a ring slot. Created once per slot and rewritten in place for ever; each stage writes
 * only its own fields, and stamps the order id it handled so that the next stage can tell its writes are
 * for this order and not left over from an earlier lap of the ring.
 */
final class Order {
    static final byte BUY = 1;
    static final byte SELL = 2;

    static final byte REJECTED = 1;
    static final byte FILLED = 2;
    static final byte PARTIALLY_FILLED = 3;

    // written by the producer (OrderFlow)
    long orderId;
    int producerId;
    int producerSeq;
    int account;
    byte side;
    long quantity;
    long sentNanos;

    // written by Journal
    long journaledId;
    long journalPosition;

    // written by RiskCheck
    long riskCheckedId;
    boolean approved;

    // written by MatchingEngine
    long matchedId;
    byte status;
    long filledQuantity;
    long notional;
}
