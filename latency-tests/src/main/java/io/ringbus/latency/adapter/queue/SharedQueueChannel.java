package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.StageThreads;
import io.ringbus.latency.adapter.Topology;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker pool built from one multi-consumer queue, the way queue users build one: every producer offers
 * to the same queue and every worker drains it, so each message is taken by exactly one worker. Producers
 * recycle their messages only after a worker released them ({@link RecyclingSender}).
 */
final class SharedQueueChannel implements Channel {
    private final ChannelConfig config;
    private final StageThreads threads;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Sender[] senders;

    SharedQueueChannel(QueueKind kind, Topology topology, ChannelConfig config, List<StageHandler> workers) {
        if (!topology.workSharing() || !kind.multiConsumer()) {
            throw new IllegalArgumentException(kind.title() + " cannot feed the worker pool " + topology);
        }
        this.config = config;
        MsgQueue queue = kind.create(config.capacity());
        threads = new StageThreads(config.name() + "-pool");
        for (int w = 0; w < workers.size(); w++) {
            threads.add("w" + w, new PoolWorkerLoop(queue, workers.get(w), QueueWait.create(config.waitMode()),
                    stopping, config.capacity()));
        }
        senders = new Sender[topology.producers()];
        int pool = RecyclingSender.poolSize(config.capacity(), workers.size());
        for (int p = 0; p < senders.length; p++) {
            senders[p] = new RecyclingSender(queue, QueueWait.create(config.waitMode()),
                    QueueWait.idleStrategy(config.waitMode()), stopping, pool);
        }
    }

    @Override
    public Sender sender(int index) {
        return senders[index];
    }

    @Override
    public void start() {
        threads.start();
    }

    @Override
    public void close() {
        stopping.set(true);
        threads.join(config.closeTimeoutMillis());
    }
}
