package io.ringbus.testkit;

/**
 * A test event that carries its own oracle: producer id, the producer's own sequence number, a payload, and
 * a checksum written last. A stage that reads a torn or lapped event sees a checksum mismatch. Diamond
 * tests use the two marks to prove a join stage sees both upstream stages' writes.
 */
public final class OracleEvent {
    public int producer;
    public long producerSeq;
    public long payload;
    public long checksum;
    public long markA;
    public long markB;

    /** Fills the event; the checksum goes last. */
    public void fill(int producerId, long seq) {
        producer = producerId;
        producerSeq = seq;
        payload = mix(producerId, seq);
        markA = -1;
        markB = -1;
        checksum = checksumOf(producerId, seq, payload);
    }

    public boolean intact() {
        return checksum == checksumOf(producer, producerSeq, payload) && payload == mix(producer, producerSeq);
    }

    static long mix(int producerId, long seq) {
        long h = seq * 0x9E3779B97F4A7C15L + producerId;
        return h ^ (h >>> 29);
    }

    static long checksumOf(int producerId, long seq, long payload) {
        return Long.rotateLeft(payload, 17) ^ (seq * 31 + producerId) ^ 0x5DEECE66DL;
    }

    @Override
    public String toString() {
        return "OracleEvent{producer=" + producer + ", seq=" + producerSeq + ", intact=" + intact() + '}';
    }
}
