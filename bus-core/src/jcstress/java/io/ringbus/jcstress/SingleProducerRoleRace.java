package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
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
@Description("SINGLE producer misuse: two threads make the first claim of a fresh bus at once, with no "
        + "happens-before between them. Taking the producer role is a compare-and-set, and the first claim in the "
        + "role is a compare-and-set of the claim cursor followed by a volatile read of the owner, so two threads "
        + "can never both be handed a sequence. r1, r2 = the sequence each thread claimed, or -9 if its claim was "
        + "rejected with IllegalStateException; r3 = the claim cursor afterwards.")
@Outcome(id = {"0, -9, 0", "-9, 0, 0"}, expect = ACCEPTABLE,
        desc = "One thread took the role and claimed sequence 0; the other was rejected with nothing claimed.")
@Outcome(id = "-9, -9, -1", expect = ACCEPTABLE,
        desc = "Each saw the other mid-claim: both were rejected, and the claim cursor was restored.")
@Outcome(id = "0, 0, 0", expect = FORBIDDEN,
        desc = "Both threads were handed sequence 0: their events would overwrite each other in one slot.")
@Outcome(expect = FORBIDDEN,
        desc = "A second claim granted while the first was still open, a rejected claim that left the cursor "
                + "moved, or any other value.")
@State
public class SingleProducerRoleRace {
    private static final int REJECTED = -9;

    private final RingStorage<Event> ring = Fixture.ring(4);
    private final Sequencer sequencer = Fixture.single(ring, Fixture.running());
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);

    @Actor
    public void first(III_Result r) {
        r.r1 = claim();
    }

    @Actor
    public void second(III_Result r) {
        r.r2 = claim();
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = (int) sequencer.claimedAcquire();
    }

    private int claim() {
        try {
            return (int) publisher.claim();
        } catch (IllegalStateException rejected) {
            return REJECTED;
        }
    }
}
