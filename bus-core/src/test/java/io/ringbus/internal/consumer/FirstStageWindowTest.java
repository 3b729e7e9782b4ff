package io.ringbus.internal.consumer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.MultiProducerSequencer;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingCapacity;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A multi-producer first stage finds ready slots by reading their states. It must read no further than its
 * batch limit: with a backlog B and batches of b, reading to the claim cursor costs O(B^2 / b) reads.
 */
class FirstStageWindowTest {
    private static final WaitStrategy SPIN = new BusySpinWaitStrategy();

    @Test
    void multiProducerFirstStageLooksNoFurtherThanItsBatchLimit() {
        RingStorage<Object> ring = new RingStorage<>(RingCapacity.of(16), Object::new);
        RunState run = new RunState();
        run.start();
        Sequence stage = new Sequence();
        Sequencer sequencer = new MultiProducerSequencer(ring, run, SPIN);
        sequencer.wire(new Sequence[] {stage}, new WaitStrategy[0]);
        long lo = sequencer.claim(10);
        sequencer.publish(lo, lo + 9);

        assertEquals(1, new StageBarrier(sequencer, new Sequence[0], SPIN, run, 2).availableFor(0),
                "a stage with batches of 2 read beyond its batch");
        assertEquals(4, new StageBarrier(sequencer, new Sequence[0], SPIN, run, 2).availableFor(0, 5),
                "a poll with a limit of 5 read beyond its limit");
        assertEquals(9, new StageBarrier(sequencer, new Sequence[0], SPIN, run, 16).availableFor(0),
                "a wide window stops at the first slot not yet published");
        assertEquals(9, new StageBarrier(sequencer, new Sequence[0], SPIN, run, 16).availableFor(8),
                "from the middle of the backlog");
    }

    @Test
    void slotsBeyondTheClaimCursorAreNeverReady() {
        RingStorage<Object> ring = new RingStorage<>(RingCapacity.of(4), Object::new);
        RunState run = new RunState();
        run.start();
        Sequence stage = new Sequence();
        Sequencer sequencer = new MultiProducerSequencer(ring, run, SPIN);
        sequencer.wire(new Sequence[] {stage}, new WaitStrategy[0]);
        for (int lap = 0; lap < 3; lap++) {
            long lo = sequencer.claim(4);
            sequencer.publish(lo, lo + 3);
            assertEquals(lo + 3, sequencer.highestReady(lo, lo + 100), "lap " + lap);
            assertEquals(lo + 3, sequencer.highestReady(lo + 4, lo + 100),
                    "lap " + lap + ": the slots of the next lap still hold this lap, so none is ready");
            stage.setRelease(lo + 3);
        }
    }
}
