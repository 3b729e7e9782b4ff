package io.ringbus.jcstress;

import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Mode;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.Signal;
import org.openjdk.jcstress.annotations.State;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest(Mode.Termination)
@Description("A first stage waits for sequence 0, which is never published, in a BusySpinWaitStrategy over its "
        + "StageBarrier, looping like the broadcast stage does (an early return that is not 'finished' means "
        + "wait again; interrupts are cleared, not obeyed). RunState.halt() from another thread must end it.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "The spinning stage saw the halt (drain target Long.MIN_VALUE) and left its loop.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The stage kept spinning after the halt: the halt flag is not re-read in the spin loop, so a "
                + "halted bus would leave a thread burning a core forever.")
@State
public class HaltSeenBySpinningStage {
    private final RunState run = Fixture.running();
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final Sequencer sequencer = Fixture.single(ring, run);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    @Actor
    public void stage() {
        for (;;) {
            long available = stage.waitFor(0);
            if (available < 0 && stage.isFinished(0)) {
                return;
            }
            Thread.interrupted();
        }
    }

    @Signal
    public void halt() {
        run.halt();
    }
}
