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
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("SINGLE producer: claim() races the first step of close(): the state change to CLOSING, then a read "
        + "of the claim cursor. The claim stores its cursor (opaque), re-reads the state, and takes the claim back "
        + "if a close began. There is no StoreLoad fence between the two, so both sides may miss each other once; "
        + "the close covers that by re-reading the cursor until it has stayed put for a settle time (1 ms), which "
        + "this test does not model. r1 = the claimed sequence, or -2 if the claim threw BusClosedException; "
        + "r2 = the claim cursor the close read once; r3 = the claim cursor afterwards.")
@Outcome(id = "0, 0, 0", expect = ACCEPTABLE,
        desc = "The claim won and the close saw it: the drain will wait for sequence 0.")
@Outcome(id = "-2, -1, -1", expect = ACCEPTABLE,
        desc = "The close came first; the claim saw CLOSING and claimed nothing.")
@Outcome(id = "-2, 0, -1", expect = ACCEPTABLE,
        desc = "The claim stored its cursor, saw CLOSING and took the claim back after the close read it; the "
                + "close's settle loop waits until the cursor stops moving, so it ends with the claim undone.")
@Outcome(id = "0, -1, 0", expect = ACCEPTABLE_INTERESTING,
        desc = "Store-load reordering: the claim's cursor store was still buffered when the close read the cursor, "
                + "and the claim's state read ran before the close's state change. One read of the cursor misses "
                + "the claim; the close's settle loop reads it again after the store drains, so the drain covers it.")
@Outcome(expect = FORBIDDEN,
        desc = "A claim that threw but left its sequence claimed (the drain would wait for a slot nobody will "
                + "publish), a claim that returned but was rolled back, or any other value.")
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
        r.r2 = (int) sequencer.claimedAcquire();
    }

    @Arbiter
    public void after(III_Result r) {
        r.r3 = (int) sequencer.claimedAcquire();
    }
}
