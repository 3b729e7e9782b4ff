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
@Description("Capacity 2, MULTI producer. Sequences 0 and 1 were published and handled; the stage waits for 2, "
        + "which maps to slot 0, still holding lap 0. The producer claims 2 (the claim cursor moves first) and "
        + "publishes it. The stage must not take slot 0 as ready for 2 until lap 2 is written there.")
@Outcome(id = "0, -1", expect = ACCEPTABLE,
        desc = "The stage looked while slot 0 still held lap 0: not ready, it waits.")
@Outcome(id = "1, 102", expect = ACCEPTABLE,
        desc = "The stage saw lap 2 published and read its payload.")
@Outcome(expect = FORBIDDEN,
        desc = "The stage took sequence 2 as ready while slot 0 held sequence 0 (payload 100): a wrap mistaken "
                + "for a publish, so the stage would handle an old event twice.")
@State
public class LapCheckCapacity2 {
    private final RingStorage<Event> ring = Fixture.ring(2);
    private final RunState run = Fixture.running();
    private final Sequence stageProgress = new Sequence();
    private final Sequencer sequencer = Fixture.multi(ring, run, stageProgress);
    private final Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
    private final StageBarrier stage = Fixture.firstStage(sequencer, run);

    public LapCheckCapacity2() {
        long first = publisher.claim(2);
        publisher.get(first).payload = 100;
        publisher.get(first + 1).payload = 101;
        publisher.publish(first, first + 1);
        stageProgress.setRelease(first + 1);
    }

    @Actor
    public void producer() {
        long wrap = publisher.claim();
        publisher.get(wrap).payload = 102;
        publisher.publish(wrap);
    }

    @Actor
    public void stage(II_Result r) {
        if (stage.availableFor(2) >= 2) {
            r.r1 = 1;
            r.r2 = ring.get(2).payload;
        } else {
            r.r1 = 0;
            r.r2 = -1;
        }
    }
}
