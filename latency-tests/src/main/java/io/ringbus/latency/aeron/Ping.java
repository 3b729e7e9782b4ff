package io.ringbus.latency.aeron;

import io.ringbus.aeron.EventDecoder;
import io.ringbus.aeron.EventEncoder;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/** A ping in a ring slot, and its 16 bytes on the wire: value, then send stamp. Raw Aeron uses the same. */
final class Ping {
    static final int LENGTH = 16;
    static final int PING_STREAM = 1_101;
    static final int PONG_STREAM = 1_102;
    static final Codec CODEC = new Codec();

    long value;
    long stamp;

    static final class Codec implements EventEncoder<Ping>, EventDecoder<Ping> {
        @Override
        public int encodedLength(Ping p) {
            return LENGTH;
        }

        @Override
        public int encode(Ping p, MutableDirectBuffer b, int at) {
            b.putLong(at, p.value);
            b.putLong(at + 8, p.stamp);
            return LENGTH;
        }

        @Override
        public void decode(DirectBuffer b, int at, int length, Ping p) {
            if (length != LENGTH) {
                throw new IllegalArgumentException("a ping is " + LENGTH + " bytes, not " + length);
            }
            p.value = b.getLong(at);
            p.stamp = b.getLong(at + 8);
        }
    }
}
