package io.ringbus.jcstress;

import io.ringbus.Publisher;
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
@Description("MULTI producer: two producers race tryClaim() on a ring of 2 whose only stage has consumed nothing. "
        + "Both fit, so both succeed with distinct sequences; afterwards the ring is full, so a third tryClaim "
        + "returns INSUFFICIENT_CAPACITY (-1).")
@Outcome(id = {"0, 1, -1", "1, 0, -1"}, expect = ACCEPTABLE,
        desc = "Distinct sequences for the racers; the ring is then full and the third try fails without a claim.")
@Outcome(expect = FORBIDDEN,
        desc = "A duplicate or skipped sequence (the compare-and-set claim is broken), a racer refused while there "
                + "was room, or a third claim that would lap the stage still holding sequence 0.")
@State
public class TryClaimDistinctMulti {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final Sequence stage = new Sequence();
    private final Publisher<Event> publisher = Fixture.publisher(Fixture.multi(ring, Fixture.running(), stage), ring);

    @Actor
    public void producer1(III_Result r) {
        r.r1 = (int) publisher.tryClaim();
    }

    @Actor
    public void producer2(III_Result r) {
        r.r2 = (int) publisher.tryClaim();
    }

    @Arbiter
    public void thirdTry(III_Result r) {
        r.r3 = (int) publisher.tryClaim();
    }
}
