package io.ringbus.aeron;

import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * Wire form of {@link TestEvent}: producer (int), seq (long), payload (long), padding length (int), then
 * that many bytes, each (seq + i) as a byte, checked by the decoder.
 */
final class TestCodec implements EventEncoder<TestEvent>, EventDecoder<TestEvent> {
    static final int FIXED = 24;
    static final TestCodec INSTANCE = new TestCodec();

    @Override
    public int encodedLength(TestEvent e) {
        return FIXED + e.padding;
    }

    @Override
    public int encode(TestEvent e, MutableDirectBuffer b, int offset) {
        b.putInt(offset, e.producer);
        b.putLong(offset + 4, e.seq);
        b.putLong(offset + 12, e.payload);
        b.putInt(offset + 20, e.padding);
        for (int i = 0; i < e.padding; i++) {
            b.putByte(offset + FIXED + i, (byte) (e.seq + i));
        }
        return FIXED + e.padding;
    }

    @Override
    public void decode(DirectBuffer b, int offset, int length, TestEvent e) {
        if (length < FIXED) {
            throw new IllegalArgumentException("message too short: " + length);
        }
        e.producer = b.getInt(offset);
        e.seq = b.getLong(offset + 4);
        e.payload = b.getLong(offset + 12);
        e.padding = b.getInt(offset + 20);
        if (length != FIXED + e.padding) {
            throw new IllegalArgumentException("length " + length + " does not match padding " + e.padding);
        }
        for (int i = 0; i < e.padding; i++) {
            if (b.getByte(offset + FIXED + i) != (byte) (e.seq + i)) {
                throw new IllegalArgumentException("padding byte " + i + " corrupt in seq " + e.seq);
            }
        }
    }
}
