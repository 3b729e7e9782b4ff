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
@Description("SINGLE producer publishes 0 then 1; a first stage reads the cursor once and handles the whole batch "
        + "up to it. Seeing the cursor at 1 must imply seeing the payload of 0 as well as that of 1.")
@Outcome(id = "-1, -1, -1", expect = ACCEPTABLE,
        desc = "The stage looked before either publish: nothing is ready.")
@Outcome(id = "0, 10, -1", expect = ACCEPTABLE,
        desc = "The stage saw the first publish only: a batch of one, with its payload.")
@Outcome(id = "1, 10, 11", expect = ACCEPTABLE,
        desc = "The stage saw both publishes: a batch of two, each event with its payload.")
@Outcome(expect = FORBIDDEN,
        desc = "The cursor said an event was ready but the stage read a stale payload: the later publish does not "
                + "carry the writes made before the earlier one, the cursor ran ahead of the payloads, or the stage "
                + "reads the cursor without acquire.")
@State
public class PublishOrderSingle {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequencer sequencer = Fixture.single(ring, run);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    @Actor
    public void producer() {
        long first = publisher.claim();
        publisher.get(first).payload = 10;
        publisher.publish(first);
        long second = publisher.claim();
        publisher.get(second).payload = 11;
        publisher.publish(second);
    }

    @Actor
    public void stage(III_Result r) {
        // Read the slot before the check, as a stage does with an event it saw earlier: if the check had no
        // acquire, the JIT could reuse this stale read below, which makes a missing acquire fail here on x86 too.
        int earlier = ring.get(0).payload;
        long available = stage.availableFor(0);
        r.r1 = (int) available;
        r.r2 = available >= 0 ? ring.get(0).payload : -1;
        r.r3 = available >= 1 ? ring.get(1).payload : -1;
    }
}
