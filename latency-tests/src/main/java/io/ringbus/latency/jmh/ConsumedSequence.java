package io.ringbus.latency.jmh;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before the consumed sequence: 128 bytes, because the adjacent-line prefetcher pulls pairs. */
abstract class ConsumedSequenceLeftPad {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The consumed sequence, written with release once per batch by a stage. */
abstract class ConsumedSequenceValue extends ConsumedSequenceLeftPad {
    long sequence = -1;
    long checksum;
}

/**
 * How far a benchmark's consumer got, padded on both sides so the benchmark thread polling it does not
 * share a line with the ring's own counters. The checksum keeps the consumer's work from being removed.
 */
final class ConsumedSequence extends ConsumedSequenceValue {
    private static final VarHandle SEQUENCE;

    static {
        try {
            SEQUENCE = MethodHandles.lookup().findVarHandle(ConsumedSequenceValue.class, "sequence", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    void set(long seq, long sum) {
        checksum = sum;
        SEQUENCE.setRelease(this, seq);
    }

    /** Spins (the benchmark thread is the only other thread) until the consumer reached {@code seq}. */
    void awaitAtLeast(long seq) {
        while ((long) SEQUENCE.getAcquire(this) < seq) {
            Thread.onSpinWait();
        }
    }
}
