package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("MULTI producer: a stage that sees slot 0 in state 'published 0' also sees the plain writes the "
        + "producer made to event 0 before publish(0). The slot state is what highestReady scans; it is read "
        + "directly here, so that the claim cursor's acquire inside highestReady cannot hide a missing acquire.")
@Outcome(id = "-1, -1", expect = ACCEPTABLE,
        desc = "The stage looked before the publish: sequence 0 is not ready, so it reads nothing.")
@Outcome(id = "42, 43", expect = ACCEPTABLE,
        desc = "The stage saw the publish and both payload fields: the slot state's release store carried them.")
@Outcome(expect = FORBIDDEN,
        desc = "The stage saw sequence 0 ready but read a stale or half-written event: the publish does not order "
                + "the payload writes before the slot-state store, or the slot state is read without acquire.")
@State
public class PayloadVisibleAfterPublishMulti {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.multi(ring, run);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);

    @Actor
    public void producer() {
        long s = publisher.claim();
        Event e = publisher.get(s);
        e.payload = 42;
        e.check = 43;
        publisher.publish(s);
    }

    @Actor
    public void stage(II_Result r) {
        // Read the slot before the check, as a stage does with an event it saw earlier: if the check had no
        // acquire, the JIT could reuse this stale read below, which makes a missing acquire fail here on x86 too.
        int earlier = ring.get(0).payload;
        if (ring.isReadyAcquire(0)) {
            Event e = ring.get(0);
            r.r1 = e.payload;
            r.r2 = e.check;
        } else {
            r.r1 = -1;
            r.r2 = -1;
        }
    }
}
