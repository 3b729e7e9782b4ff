package io.ringbus.jcstress;

import io.ringbus.BusClosedException;
import io.ringbus.Publisher;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
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
@Description("MULTI producer, capacity 1, full: the only stage still holds sequence 0. A blocking claim() takes "
        + "sequence 1 with its atomic add and then busy-spins for the stage, which never moves. RunState.halt() "
        + "from another thread must make the claim throw BusClosedException.")
@Outcome(id = "TERMINATED", expect = ACCEPTABLE,
        desc = "The blocked producer saw the halt and left the claim with BusClosedException.")
@Outcome(id = "STALE", expect = FORBIDDEN,
        desc = "The producer kept waiting for a stage that will never move again: a halted bus hangs its "
                + "producers.")
@State
public class HaltReleasesBlockedProducer {
    private final RunState run = Fixture.running();
    private final RingStorage<Event> ring = Fixture.ring(1);
    private final Publisher<Event> publisher = Fixture.publisher(Fixture.multi(ring, run, new Sequence()), ring);

    public HaltReleasesBlockedProducer() {
        publisher.publish(publisher.claim()); // the ring is full: the stage has not handled 0
    }

    @Actor
    public void producer() {
        try {
            publisher.claim();
            throw new AssertionError("claimed a slot the stage still holds");
        } catch (BusClosedException expected) {
            // the halt ended the wait
        }
    }

    @Signal
    public void halt() {
        run.halt();
    }
}
