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
@Description("SINGLE producer whose application promised to stop producing before close() "
        + "(producersStopBeforeClose): claim() races the first step of close() anyway: the state change to CLOSING, "
        + "then a read of the claim cursor. The claim stores its cursor (opaque), re-reads the state, and takes the "
        + "claim back if a close began. There is no StoreLoad fence between the two, so both sides may miss each "
        + "other once; this is why the unfenced mode needs the promise, and why close then lets the cursor settle "
        + "(not modelled here) and reports claims it finds above its target. r1 = the claimed sequence, or -2 if the claim threw BusClosedException; "
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
                + "the claim. With the promise kept this race cannot happen; broken, the settle loop usually "
                + "covers it, and the close report says so when it does not.")
@Outcome(expect = FORBIDDEN,
        desc = "A claim that threw but left its sequence claimed (the drain would wait for a slot nobody will "
                + "publish), a claim that returned but was rolled back, or any other value.")
@State
public class ClaimRacingCloseSingleUnfenced {
    private static final int THREW = -2;

    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.singleUnfenced(ring, run);
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
