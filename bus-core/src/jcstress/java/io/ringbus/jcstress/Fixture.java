package io.ringbus.jcstress;

import io.ringbus.OverflowPolicy;
import io.ringbus.Publisher;
import io.ringbus.internal.consumer.StageBarrier;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.MultiProducerSequencer;
import io.ringbus.internal.producer.RingPublisher;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.producer.SingleProducerSequencer;
import io.ringbus.internal.ring.RingCapacity;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.WaitStrategy;

/**
 * Assembles the shipped ring, run state, sequencers and barriers the way the bus does, but without stage
 * threads: the jcstress actors play the producer and the stages. Everything here runs in a test's state
 * constructor, which jcstress publishes safely to the actors.
 */
final class Fixture {
    private static final WaitStrategy[] NOTHING_TO_SIGNAL = new WaitStrategy[0];
    private static final WaitStrategy SPIN = new BusySpinWaitStrategy();

    private Fixture() {
    }

    static RingStorage<Event> ring(int capacity) {
        return new RingStorage<>(RingCapacity.of(capacity), Event::new);
    }

    /** A run state that accepts claims. */
    static RunState running() {
        RunState run = new RunState();
        run.start();
        return run;
    }

    /** A single-producer sequencer gated by {@code gating} (the last stages' progress), as a bus builds it. */
    static Sequencer single(RingStorage<Event> ring, RunState run, Sequence... gating) {
        return wired(new SingleProducerSequencer(ring, run, SPIN, true, false), gating);
    }

    /** The same, for a bus whose producers promised to stop before close: no StoreLoad fence per claim. */
    static Sequencer singleUnfenced(RingStorage<Event> ring, RunState run, Sequence... gating) {
        return wired(new SingleProducerSequencer(ring, run, SPIN, false, false), gating);
    }

    /** A multi-producer sequencer gated by {@code gating} (the last stages' progress). */
    static Sequencer multi(RingStorage<Event> ring, RunState run, Sequence... gating) {
        return wired(new MultiProducerSequencer(ring, run, SPIN), gating);
    }

    /** The public publishing API over a sequencer, with the default blocking overflow policy. */
    static Publisher<Event> publisher(Sequencer sequencer, RingStorage<Event> ring) {
        return new RingPublisher<>(sequencer, ring, OverflowPolicy.block());
    }

    /** A first stage's barrier: it reads what the producer made ready. */
    static StageBarrier firstStage(Sequencer sequencer, RunState run) {
        return new StageBarrier(sequencer, new Sequence[0], SPIN, run);
    }

    /** A barrier behind {@code upstream}: it reads the slowest of them. */
    static StageBarrier after(Sequencer sequencer, RunState run, Sequence... upstream) {
        return new StageBarrier(sequencer, upstream, SPIN, run);
    }

    private static Sequencer wired(Sequencer sequencer, Sequence[] gating) {
        sequencer.wire(gating, NOTHING_TO_SIGNAL);
        return sequencer;
    }
}
