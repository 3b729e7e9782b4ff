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
import org.openjdk.jcstress.infra.results.IIII_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("MULTI producer: claim() races the first step of close(): the state change to CLOSING, then a read "
        + "of the claim cursor. The claim's atomic add and the close's compare-and-set form a Dekker pair, so at "
        + "least one side sees the other. r1 = the claimed sequence, or -2 if the claim threw BusClosedException; "
        + "r2 = the claim cursor the close read; afterwards r3 = the claim cursor, r4 = 1 if slot 0 is aborted.")
@Outcome(id = "0, 0, 0, 0", expect = ACCEPTABLE,
        desc = "The claim won and the close saw it: the drain will wait for sequence 0.")
@Outcome(id = "-2, -1, -1, 0", expect = ACCEPTABLE,
        desc = "The close came first; the claim saw CLOSING before its add and claimed nothing.")
@Outcome(id = {"-2, 0, 0, 1", "-2, -1, 0, 1"}, expect = ACCEPTABLE,
        desc = "The claim added, then saw CLOSING: it aborted its slot and threw, so the drain steps over it "
                + "(whether or not the close's single read already saw the add).")
@Outcome(expect = FORBIDDEN,
        desc = "A claim that returned while the close missed it (the close could fix a drain target below a "
                + "claimed slot), or a claim that threw but left its slot claimed and not aborted (the drain would "
                + "wait for it forever).")
@State
public class ClaimRacingCloseMulti {
    private static final int THREW = -2;

    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.multi(ring, run);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);

    @Actor
    public void producer(IIII_Result r) {
        try {
            r.r1 = (int) publisher.claim();
        } catch (BusClosedException closed) {
            r.r1 = THREW;
        }
    }

    @Actor
    public void close(IIII_Result r) {
        run.beginClose();
        r.r2 = (int) sequencer.claimedAcquire();
    }

    @Arbiter
    public void after(IIII_Result r) {
        r.r3 = (int) sequencer.claimedAcquire();
        r.r4 = ring.isReadyAcquire(0) && ring.isAbortedAcquire(0) ? 1 : 0;
    }
}
