package io.ringbus;

import io.ringbus.internal.consumer.StageNode;
import io.ringbus.internal.consumer.Topology;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.internal.producer.Sequencer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToLongFunction;

/**
 * Reads the counters of one bus into snapshots: the stages' own counters, summed over a pool's workers, and
 * the producer side's. Reads only, with opaque or acquire loads; any thread, any time.
 */
final class BusStats {
    private final Topology topology;
    private final Sequencer sequencer;
    /** The stall episodes of stage i, once a watchdog runs. */
    private volatile IntToLongFunction stalls = i -> 0;

    BusStats(Topology topology, Sequencer sequencer) {
        this.topology = topology;
        this.sequencer = sequencer;
    }

    void stallsFrom(IntToLongFunction episodes) {
        this.stalls = episodes;
    }

    List<StageStats> stages() {
        long claimed = sequencer.claimedAcquire();
        IntToLongFunction episodes = stalls;
        List<StageNode> nodes = topology.nodes();
        List<StageStats> out = new ArrayList<>(nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            StageNode n = nodes.get(i);
            long seq = n.minimumProgress();
            long events = 0;
            long maxBatch = 0;
            long wakeUps = 0;
            long aborts = 0;
            for (StageCounters c : n.counters()) {
                events += c.events();
                maxBatch = Math.max(maxBatch, c.maxBatch());
                wakeUps += c.wakeUps();
                aborts = Math.max(aborts, c.abortsSeen()); // every thread of a stage sees every abort
            }
            out.add(new StageStats(n.name(), n.kind(), seq, Math.max(0, claimed - seq), n.batches(), n.failures(),
                    n.skipped(), n.perWorkerEvents(), Math.max(0, ready(n, seq) - seq), events, maxBatch, wakeUps,
                    aborts, episodes.applyAsLong(i)));
        }
        return out;
    }

    ProducerStats producer() {
        return new ProducerStats(sequencer.claimedAcquire(), sequencer.fullRingCount(), sequencer.stallNanos(),
                sequencer.abortCountAcquire(), sequencer.remainingCapacity());
    }

    /** The highest sequence ready for n: published, for a first stage; done upstream, for the others. */
    private long ready(StageNode n, long seq) {
        if (n.upstream().isEmpty()) {
            return sequencer.highestReady(seq + 1, seq + 1);
        }
        long min = Long.MAX_VALUE;
        for (StageNode up : n.upstream()) {
            min = Math.min(min, up.minimumProgress());
        }
        return min;
    }
}
