package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.III_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("SINGLE producer claims 0, half-writes it and aborts it. A first stage reads in the order the "
        + "broadcast stage does: what is ready, then the abort count, then (only if the count moved) the claim "
        + "cursor and the slot's abort bit. r1 = ready, r2 = abort count, r3 = 'skips 0' (0 <= claim cursor "
        + "and slot 0 aborted).")
@Outcome(id = "0, -1, -1", expect = ACCEPTABLE,
        desc = "The stage looked before the abort: nothing is ready.")
@Outcome(id = "1, 1, 1", expect = ACCEPTABLE,
        desc = "The stage saw 0 ready, the abort count at 1, and slot 0 aborted: it skips the half-written event.")
@Outcome(expect = FORBIDDEN,
        desc = "0 was ready but the abort count was still 0 (the stage would not check and would deliver the "
                + "half-written event), or the count moved but the slot did not read as aborted.")
@State
public class AbortVisibilitySingle {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.single(ring, run);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    @Actor
    public void producer() {
        long s = publisher.claim();
        publisher.get(s).payload = 13; // a translator that failed halfway
        publisher.abort(s);
    }

    @Actor
    public void stage(III_Result r) {
        if (stage.availableFor(0) < 0) {
            r.r1 = 0;
            r.r2 = -1;
            r.r3 = -1;
            return;
        }
        long aborts = sequencer.abortCountAcquire();
        boolean skips = aborts != 0 && 0 <= sequencer.claimedAcquire() && ring.isAbortedAcquire(0);
        r.r1 = 1;
        r.r2 = (int) aborts;
        r.r3 = skips ? 1 : 0;
    }
}
