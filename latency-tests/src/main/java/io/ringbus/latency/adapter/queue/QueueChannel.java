package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.StageThreads;
import io.ringbus.latency.adapter.Topology;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A broadcast graph built from queues, the way the Disruptor's own perf tests build their queue
 * versions: one queue in front of every handler, fan-out by offering to each, joins by taking from each.
 */
final class QueueChannel implements Channel {
    private final ChannelConfig config;
    private final MsgQueue[] entry;
    private final Sender[] senders;
    private final StageThreads[] threads;
    private final AtomicBoolean[] stopping;

    QueueChannel(QueueKind kind, Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        this.config = config;
        int stages = topology.stages();
        threads = new StageThreads[stages];
        stopping = new AtomicBoolean[stages];
        // inputs[s][h][u]: queue from upstream handler u (or the producers) into handler h of stage s
        MsgQueue[][][] inputs = new MsgQueue[stages][][];
        for (int s = 0; s < stages; s++) {
            int upstream = s == 0 ? 1 : topology.width(s - 1);
            inputs[s] = new MsgQueue[topology.width(s)][upstream];
            for (int h = 0; h < topology.width(s); h++) {
                for (int u = 0; u < upstream; u++) {
                    inputs[s][h][u] = kind.create(config.capacity());
                }
            }
        }
        entry = new MsgQueue[topology.width(0)];
        for (int h = 0; h < entry.length; h++) {
            entry[h] = inputs[0][h][0];
        }
        for (int s = 0; s < stages; s++) {
            threads[s] = new StageThreads(config.name() + "-s" + s);
            stopping[s] = new AtomicBoolean();
            for (int h = 0; h < topology.width(s); h++) {
                MsgQueue[] outputs = new MsgQueue[s + 1 < stages ? topology.width(s + 1) : 0];
                for (int d = 0; d < outputs.length; d++) {
                    outputs[d] = inputs[s + 1][d][h];
                }
                StageLoop loop = new StageLoop(inputs[s][h], outputs, handlers.get(s).get(h),
                        QueueWait.create(config.waitMode()), stopping[s], config.capacity());
                threads[s].add("h" + h, loop);
            }
        }
        senders = new Sender[topology.producers()];
        int pool = poolSize(config.capacity(), stages);
        for (int p = 0; p < senders.length; p++) {
            senders[p] = new QueueSender(entry, QueueWait.create(config.waitMode()), pool);
        }
    }

    /** Messages per producer pool: every queue on a path full plus one in each handler, rounded up. */
    static int poolSize(int capacity, int stages) {
        long needed = (long) stages * (QueueKind.realCapacity(capacity) + 2) + 2;
        long size = Long.highestOneBit(needed - 1) << 1;
        if (size > (1 << 30)) {
            throw new IllegalArgumentException("capacity " + capacity + " x " + stages + " stages is too large");
        }
        return (int) size;
    }

    @Override
    public Sender sender(int index) {
        return senders[index];
    }

    @Override
    public void start() {
        for (StageThreads t : threads) {
            t.start();
        }
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(config.closeTimeoutMillis());
        // Stage by stage: a stage stops only once everything upstream has stopped and been forwarded.
        for (int s = 0; s < threads.length; s++) {
            stopping[s].set(true);
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            threads[s].join(Math.max(1, left));
        }
    }
}
