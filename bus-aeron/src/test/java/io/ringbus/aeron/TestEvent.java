package io.ringbus.aeron;

/** A test event: who produced it, its place in that producer's stream, and a payload to check. */
final class TestEvent {
    int producer;
    long seq;
    long payload;
    /** Extra bytes to encode after the fixed fields, to reach the fragmented (offer) path. */
    int padding;

    /** The payload a producer gives its seq-th event: checked end to end. */
    static long payloadOf(int producer, long seq) {
        long x = (producer + 1) * 0x9E3779B97F4A7C15L + seq * 0xBF58476D1CE4E5B9L;
        return x ^ (x >>> 31);
    }

    void fill(int producerId, long sequence, int extra) {
        producer = producerId;
        seq = sequence;
        payload = payloadOf(producerId, sequence);
        padding = extra;
    }
}
