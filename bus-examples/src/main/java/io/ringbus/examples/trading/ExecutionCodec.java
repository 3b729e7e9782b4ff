package io.ringbus.examples.trading;

import io.ringbus.aeron.EventDecoder;
import io.ringbus.aeron.EventEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An execution report on the wire, matcher to gateway: which order, its outcome, and the gateway's send
 * stamp echoed back for the round-trip latency. 49 bytes.
 */
final class ExecutionCodec implements EventEncoder<Order>, EventDecoder<Order> {
    static final ExecutionCodec INSTANCE = new ExecutionCodec();
    static final int LENGTH = 49;

    @Override
    public int encodedLength(Order o) {
        return LENGTH;
    }

    @Override
    public int encode(Order o, MutableDirectBuffer b, int at) {
        b.putLong(at, o.orderId);
        b.putInt(at + 8, o.producerId);
        b.putInt(at + 12, o.producerSeq);
        b.putByte(at + 16, o.status);
        b.putLong(at + 17, o.filledQuantity);
        b.putLong(at + 25, o.notional);
        b.putLong(at + 33, o.sentNanos);
        b.putLong(at + 41, o.matchedId);
        return LENGTH;
    }

    @Override
    public void decode(DirectBuffer b, int at, int length, Order o) {
        if (length != LENGTH) {
            throw new IllegalArgumentException("an execution report is " + LENGTH + " bytes, not " + length);
        }
        o.orderId = b.getLong(at);
        o.producerId = b.getInt(at + 8);
        o.producerSeq = b.getInt(at + 12);
        o.status = b.getByte(at + 16);
        o.filledQuantity = b.getLong(at + 17);
        o.notional = b.getLong(at + 25);
        o.sentNanos = b.getLong(at + 33);
        o.matchedId = b.getLong(at + 41);
    }
}
