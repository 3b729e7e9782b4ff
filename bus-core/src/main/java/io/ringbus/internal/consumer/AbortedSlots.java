package io.ringbus.internal.consumer;

import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;

/**
 * Tells one consumer thread which slots were aborted, without reading slot states on the normal path.
 *
 * <p>{@link #refresh()} reads the abort count once per batch, after the batch's sequences were seen
 * ready. Only when the count moved does it read the claim cursor, which then covers every abort the new
 * count includes (an abort raises the count before its slot becomes visible), and only slots up to that
 * cursor are checked. So a stage in a bus without aborts reads no slot state at all.
 */
final class AbortedSlots {
    private final RingStorage<?> ring;
    private final Sequencer sequencer;
    /** Held directly: the stage then never reads the sequencer object, whose fields the producer writes. */
    private final Sequence abortCount;
    private final StageCounters counters;
    private long seenAborts;
    private long checkUntil = Long.MIN_VALUE;

    AbortedSlots(RingStorage<?> ring, Sequencer sequencer, StageCounters counters) {
        this.ring = ring;
        this.counters = counters;
        this.sequencer = sequencer;
        this.abortCount = sequencer.abortCount();
    }

    /** Call once per batch, after waiting for it. */
    void refresh() {
        long aborts = abortCount.getAcquire();
        if (aborts != seenAborts) {
            counters.onAborts(aborts - seenAborts);
            seenAborts = aborts;
            checkUntil = sequencer.claimedAcquire();
        }
    }

    boolean isAborted(long sequence) {
        return sequence <= checkUntil && ring.isAbortedAcquire(sequence);
    }
}
