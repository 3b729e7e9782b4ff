package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("Capacity 1, MULTI producer. Sequence 0 was aborted (slot state 0 << 1 | 1 = 1) and the stage has "
        + "stepped over it; it now waits for 1 in the same slot. The producer claims 1 (the claim cursor moves "
        + "before the slot does) and publishes it. 'Ready for 1' needs state >= 1 << 1 = 2, so the aborted lap 0, "
        + "one below, must never pass: the tightest case of the slot encoding.")
@Outcome(id = "0, -1, -1", expect = ACCEPTABLE,
        desc = "The stage looked while the slot still held the aborted lap 0: not ready, it waits.")
@Outcome(id = "1, 101, 0", expect = ACCEPTABLE,
        desc = "The stage saw lap 1 published: it reads 1's payload and does not skip it.")
@Outcome(expect = FORBIDDEN,
        desc = "The stage took sequence 1 as ready while the slot held lap 0 (payload 100), or read lap 0's abort "
                + "bit as an abort of 1: the encoding confuses neighbouring laps.")
@State
public class LapCheckCapacity1 {
    private final RingStorage<Event> ring = Fixture.ring(1);
    private final RunState run = Fixture.running();
    private final Sequence stageProgress = new Sequence();
    private final Sequencer sequencer = Fixture.multi(ring, run, stageProgress);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    public LapCheckCapacity1() {
        long lap0 = publisher.claim();
        publisher.get(lap0).payload = 100; // half-written, then aborted, as after a failed translator
        publisher.abort(lap0);
        stageProgress.setRelease(lap0);
    }

    @Actor
    public void producer() {
        long lap1 = publisher.claim();
        publisher.get(lap1).payload = 101;
        publisher.publish(lap1);
    }

    @Actor
    public void stage(III_Result r) {
        if (stage.availableFor(1) >= 1) {
            r.r1 = 1;
            r.r2 = ring.get(1).payload;
            r.r3 = ring.isAbortedAcquire(1) ? 1 : 0;
        } else {
            r.r1 = 0;
            r.r2 = -1;
            r.r3 = -1;
        }
    }
}
