package io.ringbus.internal.sequence;

/** Helpers over groups of sequences: the gating minimum of a set of stages. */
public final class Sequences {
    private Sequences() {
    }

    /**
     * The smallest acquired value of {@code sequences}, or {@code ceiling} if it is smaller or the array is empty.
     * Each element is read with acquire semantics, so the caller sees every write a stage made before it
     * published that progress.
     */
    public static long minimum(Sequence[] sequences, long ceiling) {
        long min = ceiling;
        for (Sequence s : sequences) {
            long v = s.getAcquire();
            if (v < min) {
                min = v;
            }
        }
        return min;
    }
}
