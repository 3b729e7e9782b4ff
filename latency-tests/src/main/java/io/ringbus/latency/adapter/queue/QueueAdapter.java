package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.List;
import java.util.Set;

/**
 * A bounded queue library in its idiom: offer on the producer side, drain on the consumer side, the
 * harness's own loop supplying the idle strategy a queue does not have. A worker pool is one
 * multi-consumer queue that every worker drains.
 */
public final class QueueAdapter implements Adapter {
    private final QueueKind kind;

    public QueueAdapter(QueueKind kind) {
        this.kind = kind;
    }

    @Override
    public String id() {
        return kind.id();
    }

    @Override
    public String description() {
        return kind.title() + ", offer + drain; waits: harness loop spin / yield / backoff-park"
                + (kind.blocks() ? " / put+poll(timeout)" : "")
                + (kind.multiConsumer() ? "; pools: one queue drained by every worker" : "");
    }

    @Override
    public int maxProducers() {
        return kind.maxProducers();
    }

    @Override
    public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        if (features.contains(Feature.BATCH_CLAIM) || features.contains(Feature.BATCH_TRANSLATOR)) {
            return "a queue has no batch claim; offer is one message at a time";
        }
        if (wait == WaitMode.BLOCKING && !kind.blocks()) {
            return kind.title() + " cannot block a waiting thread; use --wait park for its backoff equivalent";
        }
        if (topology.workSharing()) {
            if (!kind.multiConsumer()) {
                return kind.title() + " has a single consumer; a worker pool needs one its workers can all take from";
            }
        } else if (topology.producers() > 1 && topology.width(0) > 1) {
            return "fan-out with several producers would need them to agree on an order across queues";
        }
        return producerReason(topology);
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        return topology.workSharing()
                ? new SharedQueueChannel(kind, topology, config, handlers.get(0))
                : new QueueChannel(kind, topology, config, handlers);
    }
}
