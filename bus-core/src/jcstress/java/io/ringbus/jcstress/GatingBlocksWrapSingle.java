package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Arbiter;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("SINGLE producer, capacity 2, one gating stage. The producer fills the ring (0 and 1), then tries "
        + "to claim 2, which reuses slot 0, and overwrites it if it got it. The stage reads event 0 and then "
        + "releases it. r1 = what the stage read (-1: 0 not ready yet), r2 = tryClaim's result, r3 = the claim "
        + "cursor afterwards.")
@Outcome(id = "-1, -1, 1", expect = ACCEPTABLE,
        desc = "The stage had not started on 0, so the wrap was refused and nothing was claimed.")
@Outcome(id = "100, -1, 1", expect = ACCEPTABLE,
        desc = "The stage read 0 intact; the producer checked before the stage released it: refused, no claim.")
@Outcome(id = "100, 2, 2", expect = ACCEPTABLE,
        desc = "The stage read 0 intact and released it; then the producer claimed 2 and reused the slot.")
@Outcome(expect = FORBIDDEN,
        desc = "The producer claimed 2 while the stage still held 0 (it saw a payload of 102, or had not even "
                + "reached 0), or a refused tryClaim still moved the claim cursor.")
@State
public class GatingBlocksWrapSingle {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequence stageProgress = new Sequence();
    private final Sequencer sequencer = Fixture.single(ring, run, stageProgress);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    @Actor
    public void producer(III_Result r) {
        long first = publisher.claim(2);
        publisher.get(first).payload = 100;
        publisher.get(first + 1).payload = 101;
        publisher.publish(first, first + 1);
        long wrap = publisher.tryClaim();
        if (wrap >= 0) {
            publisher.get(wrap).payload = 102; // overwrites slot 0
        }
        r.r2 = (int) wrap;
    }

    @Actor
    public void stage(III_Result r) {
        if (stage.availableFor(0) >= 0) {
            r.r1 = ring.get(0).payload;
            stageProgress.setRelease(0);
        } else {
            r.r1 = -1;
        }
    }

    @Arbiter
    public void claimCursor(III_Result r) {
        r.r3 = (int) sequencer.claimedAcquire();
    }
}
