package io.ringbus.jcstress;

import io.ringbus.BusClosedException;
import io.ringbus.Publisher;
import io.ringbus.internal.lifecycle.RunState;
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
@Description("SINGLE producer, default (fenced) claims: claim() races close()'s decision. The close changes the "
        + "state to CLOSING and then reads the claim cursor once, with volatile semantics: that read is the drain "
        + "target once the stages have reached it, with no settle period. The claim stores its cursor with a "
        + "volatile store and then reads the state with a volatile load, so the two form a Dekker pair. r1 = the "
        + "claimed sequence, or -2 if the claim threw BusClosedException; r2 = the target the close read; r3 = the "
        + "claim cursor afterwards.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE,
        desc = "The claim won and the close saw it: the drain waits for sequence 0.")
@Outcome(id = "-2, -1, -1", expect = ACCEPTABLE,
        desc = "The close came first; the claim saw CLOSING and claimed nothing.")
@Outcome(id = "-2, 0, -1", expect = ACCEPTABLE,
        desc = "The claim stored its cursor, saw CLOSING and took the claim back after the close read it: sequence 0 "
                + "is never published, so the close's loop does not see it drained and re-reads the cursor.")
@Outcome(id = "0, -1, 0", expect = FORBIDDEN,
        desc = "Lost event: the claim succeeded, yet the close fixed its target below it; the stages would stop "
                + "before sequence 0 and its publish would be refused or never delivered.")
@Outcome(expect = FORBIDDEN,
        desc = "A claim that threw but left its sequence claimed, a claim that returned but was rolled back, or any "
                + "other value.")
@State
public class ClaimRacingCloseSingle {
    private static final int THREW = -2;

    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.single(ring, run);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);

    @Actor
    public void producer(III_Result r) {
        try {
            r.r1 = (int) publisher.claim();
        } catch (BusClosedException closed) {
            r.r1 = THREW;
        }
    }

    @Actor
    public void close(III_Result r) {
        run.beginClose();
        r.r2 = (int) sequencer.claimedVolatile();
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = (int) sequencer.claimedAcquire();
    }
}
