package io.ringbus.jcstress;

import io.ringbus.Publisher;
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
@Description("MULTI producer: claim(3) racing claim(1) on an empty ring of 4. claim(n) returns the first "
        + "sequence of its batch; the batch [r1, r1 + 2] and the single r2 never overlap.")
@Outcome(id = "0, 3", expect = ACCEPTABLE,
        desc = "The batch claimed first: it holds 0..2, the single claim gets 3.")
@Outcome(id = "1, 0", expect = ACCEPTABLE,
        desc = "The single claim came first: it holds 0, the batch gets 1..3.")
@Outcome(expect = FORBIDDEN,
        desc = "The batch and the single claim overlap, or leave a gap: a batch claim is not one atomic step.")
@State
public class ClaimBatchDistinctMulti {
    private final RingStorage<Event> ring = Fixture.ring(4);
    private final Publisher<Event> publisher = Fixture.publisher(Fixture.multi(ring, Fixture.running()), ring);

    @Actor
    public void batchProducer(II_Result r) {
        r.r1 = (int) publisher.claim(3);
    }

    @Actor
    public void singleProducer(II_Result r) {
        r.r2 = (int) publisher.claim();
    }
}
