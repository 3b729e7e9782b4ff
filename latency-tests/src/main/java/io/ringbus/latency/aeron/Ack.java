package io.ringbus.latency.aeron;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** The sink's acknowledgement on the wire: messages taken, their sum, and how many came out of order. */
final class Ack {
    static final int LENGTH = 24;

    final long count;
    final long sum;
    final long outOfOrder;

    private Ack(long count, long sum, long outOfOrder) {
        this.count = count;
        this.sum = sum;
        this.outOfOrder = outOfOrder;
    }

    static void write(MutableDirectBuffer b, long count, long sum, long outOfOrder) {
        b.putLong(0, count);
        b.putLong(8, sum);
        b.putLong(16, outOfOrder);
    }

    static Ack read(DirectBuffer b, int offset) {
        return new Ack(b.getLong(offset), b.getLong(offset + 8), b.getLong(offset + 16));
    }
}
