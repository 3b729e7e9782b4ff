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
@Description("MULTI producer: two producers racing claim() on an empty ring of 2 get distinct sequences.")
@Outcome(id = {"0, 1", "1, 0"}, expect = ACCEPTABLE,
        desc = "Each producer got its own sequence; which one came first is up to the race.")
@Outcome(expect = FORBIDDEN,
        desc = "Both producers got the same sequence, or a sequence was skipped: two events would share a slot, "
                + "or a first stage would wait forever for the skipped one.")
@State
public class ClaimDistinctMulti {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final Publisher<Event> publisher = Fixture.publisher(Fixture.multi(ring, Fixture.running()), ring);

    @Actor
    public void producer1(II_Result r) {
        r.r1 = (int) publisher.claim();
    }

    @Actor
    public void producer2(II_Result r) {
        r.r2 = (int) publisher.claim();
    }
}
