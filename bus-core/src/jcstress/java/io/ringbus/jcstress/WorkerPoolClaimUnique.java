package io.ringbus.jcstress;

import io.ringbus.ExceptionPolicy;
import io.ringbus.Publisher;
import io.ringbus.WorkHandler;
import io.ringbus.internal.consumer.StageContext;
import io.ringbus.internal.consumer.WorkerPoolNode;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.Description;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.II_Result;

import java.util.List;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

@JCStressTest
@Description("A work-sharing pool of two shipped WorkerProcessors (built by WorkerPoolNode) races over events 0 "
        + "and 1, both published, with the drain target at 1, so each worker's loop ends once its claim passes 1. "
        + "Each actor runs one worker's loop to its end; r1 and r2 are bit sets of the sequences each worker "
        + "handled (bit 8: an event arrived with the wrong payload).")
@Outcome(id = {"1, 2", "2, 1"}, expect = ACCEPTABLE,
        desc = "Each worker handled one event: together each event exactly once.")
@Outcome(id = {"3, 0", "0, 3"}, expect = ACCEPTABLE,
        desc = "One worker handled both before the other claimed: still each event exactly once.")
@Outcome(expect = FORBIDDEN,
        desc = "An event handled by both workers (duplicate), by neither (lost), or with a stale payload: the "
                + "pool's shared claim or the worker's drain check is broken.")
@State
public class WorkerPoolClaimUnique {
    private final Recorder worker0 = new Recorder();
    private final Recorder worker1 = new Recorder();
    private final List<? extends Runnable> workers;

    public WorkerPoolClaimUnique() {
        RingStorage<Event> ring = Fixture.ring(2);
        RunState run = Fixture.running();
        Sequencer sequencer = Fixture.multi(ring, run);
        Publisher<Event> publisher = Fixture.publisher(sequencer, ring);
        long first = publisher.claim(2);
        publisher.get(first).payload = Recorder.payloadOf(first);
        publisher.get(first + 1).payload = Recorder.payloadOf(first + 1);
        publisher.publish(first, first + 1);
        run.finishDrain(first + 1); // as a close does once drained: deliver up to 1, then stop

        WaitStrategy spin = new BusySpinWaitStrategy();
        List<WorkHandler<? super Event>> handlers = List.of(worker0, worker1);
        WorkerPoolNode<Event> pool = new WorkerPoolNode<>("pool", List.of(), spin,
                new StageContext<>(ring, sequencer, run, run::halt), handlers, List.of(spin, spin), null,
                ExceptionPolicy.haltBus());
        workers = pool.threadBodies();
    }

    @Actor
    public void worker0(II_Result r) {
        workers.get(0).run();
        r.r1 = worker0.handled;
    }

    @Actor
    public void worker1(II_Result r) {
        workers.get(1).run();
        r.r2 = worker1.handled;
    }

    /** Records, on the worker's own thread, which sequences it handled. */
    static final class Recorder implements WorkHandler<Event> {
        static final int STALE = 1 << 8;
        int handled;

        static int payloadOf(long sequence) {
            return 1000 + (int) sequence;
        }

        @Override
        public void onEvent(Event event, long sequence) {
            handled |= 1 << sequence;
            if (event.payload != payloadOf(sequence)) {
                handled |= STALE;
            }
        }
    }
}
