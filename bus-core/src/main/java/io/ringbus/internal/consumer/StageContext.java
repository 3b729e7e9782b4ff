package io.ringbus.internal.consumer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.ring.RingStorage;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.util.ArrayList;
import java.util.List;

/**
 * What every stage of one bus shares: the ring, the sequencer, the run state, how to halt the bus, and whether
 * its threads keep counters.
 */
public record StageContext<E>(RingStorage<E> ring, Sequencer sequencer, RunState run, Runnable haltBus,
                              boolean counters) {

    /** A context whose threads keep counters. */
    public StageContext(RingStorage<E> ring, Sequencer sequencer, RunState run, Runnable haltBus) {
        this(ring, sequencer, run, haltBus, true);
    }

    /** The failure bookkeeping of one thread of {@code self}, a stage running after {@code upstream}. */
    Failures failures(StageNode self, List<StageNode> upstream, boolean seesFailedEvents, int share, int shares) {
        return new Failures(new UpstreamFailures(upstream, ring.capacity()), self.failedEvents(), seesFailedEvents,
                share, shares);
    }

    /**
     * A barrier over the producer (no upstream) or over every progress sequence of the upstream stages;
     * a first stage looks at most {@code window} slots ahead. Each barrier carries the counters of its thread.
     */
    StageBarrier barrier(List<StageNode> upstream, WaitStrategy waitStrategy, int window) {
        List<Sequence> sequences = new ArrayList<>();
        for (StageNode node : upstream) {
            sequences.addAll(List.of(node.progress()));
        }
        return new StageBarrier(sequencer, sequences.toArray(new Sequence[0]), waitStrategy, run, window,
                new StageCounters(counters));
    }
}
