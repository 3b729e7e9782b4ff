package io.ringbus.jcstress;

import io.ringbus.Publisher;
import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("Diamond: stages A and B both handle published event 0, each writing its own plain field, then "
        + "release-store their progress. The join's barrier waits for the minimum of A and B; once it passes 0 "
        + "it must see both marks. Actor 1 is stage A; actor 2 is stage B and then, on the same thread, the "
        + "join, so A's mark crosses threads only through A's progress sequence.")
@Outcome(id = "-1, -1", expect = ACCEPTABLE,
        desc = "A had not released 0 yet, so the join's minimum is still below 0: it waits and reads nothing.")
@Outcome(id = "1, 2", expect = ACCEPTABLE,
        desc = "The join passed 0 and saw both A's and B's writes to the event.")
@Outcome(expect = FORBIDDEN,
        desc = "The join passed 0 but missed A's mark: A's progress store does not carry A's event writes, or "
                + "the join reads the upstream sequences without acquire.")
@State
public class DiamondJoinVisibility {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequence stageA = new Sequence();
    private final Sequence stageB = new Sequence();
    private final Sequencer sequencer = Fixture.multi(ring, run, stageA, stageB);
    private final StageBarrier join = Fixture.after(sequencer, run, stageA, stageB);

    public DiamondJoinVisibility() {
        Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
        long s = publisher.claim();
        publisher.get(s).payload = 7;
        publisher.publish(s);
    }

    @Actor
    public void stageA() {
        ring.get(0).markA = 1;
        stageA.setRelease(0);
    }

    @Actor
    public void stageBThenJoin(II_Result r) {
        ring.get(0).markB = 2;
        stageB.setRelease(0);
        // The join reads A's field before its check, as it may for an event it saw earlier: if the check had no
        // acquire, the JIT could reuse this stale read below, which makes a missing acquire fail here on x86 too.
        int earlier = ring.get(0).markA;
        if (join.availableFor(0) >= 0) {
            Event e = ring.get(0);
            r.r1 = e.markA;
            r.r2 = e.markB;
        } else {
            r.r1 = -1;
            r.r2 = -1;
        }
    }
}
