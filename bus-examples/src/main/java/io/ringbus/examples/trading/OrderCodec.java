package io.ringbus.examples.trading;

import io.ringbus.aeron.EventDecoder;
import io.ringbus.aeron.EventEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * An order on the wire, gateway to matcher: the producer's fields only, 41 bytes, little-endian. Decoding
 * clears what the matcher's stages will write, so a slot never carries a stale verdict.
 */
final class OrderCodec implements EventEncoder<Order>, EventDecoder<Order> {
    static final OrderCodec INSTANCE = new OrderCodec();
    static final int LENGTH = 41;

    @Override
    public int encodedLength(Order o) {
        return LENGTH;
    }

    @Override
    public int encode(Order o, MutableDirectBuffer b, int at) {
        b.putLong(at, o.orderId);
        b.putInt(at + 8, o.producerId);
        b.putInt(at + 12, o.producerSeq);
        b.putInt(at + 16, o.account);
        b.putByte(at + 20, o.side);
        b.putLong(at + 21, o.quantity);
        b.putLong(at + 29, o.sentNanos);
        b.putInt(at + 37, 0);                      // reserved
        return LENGTH;
    }

    @Override
    public void decode(DirectBuffer b, int at, int length, Order o) {
        if (length != LENGTH) {
            throw new IllegalArgumentException("an order is " + LENGTH + " bytes, not " + length);
        }
        byte side = b.getByte(at + 20);
        if (side != Order.BUY && side != Order.SELL) {
            throw new IllegalArgumentException("side must be BUY or SELL: " + side);
        }
        o.orderId = b.getLong(at);
        o.producerId = b.getInt(at + 8);
        o.producerSeq = b.getInt(at + 12);
        o.account = b.getInt(at + 16);
        o.side = side;
        o.quantity = b.getLong(at + 21);
        o.sentNanos = b.getLong(at + 29);
        o.journaledId = -1;
        o.riskCheckedId = -1;
        o.matchedId = -1;
        o.approved = false;
    }
}
