package io.ringbus.latency.adapter.disruptor;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.List;
import java.util.Set;

/**
 * LMAX Disruptor 4.0 in its own idiom: a RingBuffer, one BatchEventProcessor per handler, barriers on the
 * previous stage's sequences, and the last stage gating the ring. Wait modes map to BusySpin, Yielding,
 * Sleeping (its park) and Blocking wait strategies. A producer facing a full ring parks for 1 ns in a
 * loop, which is the Disruptor's own fixed behaviour.
 */
public final class DisruptorAdapter implements Adapter {
    /** Why the pool scenarios skip the Disruptor; their tables compare with a queue instead. */
    public static final String NO_WORKER_POOL = "Disruptor 4.0 removed WorkerPool (its issue #323)";

    private final ProducerType producerType;

    public DisruptorAdapter(ProducerType producerType) {
        this.producerType = producerType;
    }

    @Override
    public String id() {
        return producerType == ProducerType.SINGLE ? "disruptor-single" : "disruptor-multi";
    }

    @Override
    public String description() {
        return "LMAX Disruptor 4.0 RingBuffer + BatchEventProcessor, ProducerType." + producerType
                + "; waits: BusySpin / Yielding / Sleeping / Blocking; no worker pool (removed in 4.0)";
    }

    @Override
    public int maxProducers() {
        return producerType == ProducerType.SINGLE ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        if (topology.workSharing()) {
            return NO_WORKER_POOL;
        }
        return producerReason(topology);
    }

    static WaitStrategy waitStrategy(WaitMode mode) {
        switch (mode) {
            case SPIN: return new BusySpinWaitStrategy();
            case YIELD: return new YieldingWaitStrategy();
            case PARK: return new SleepingWaitStrategy();
            case BLOCKING: return new BlockingWaitStrategy();
            default: throw new IllegalArgumentException("wait " + mode);
        }
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        RingBuffer<Msg> ring = RingBuffer.create(producerType, Msg::new, config.capacity(),
                waitStrategy(config.waitMode()));
        DisruptorChannel channel = new DisruptorChannel(ring, config);
        Sequence[] upstream = new Sequence[0];
        BatchEventProcessorBuilder builder = new BatchEventProcessorBuilder();
        for (int stage = 0; stage < topology.stages(); stage++) {
            SequenceBarrier barrier = ring.newBarrier(upstream);
            List<StageHandler> stageHandlers = handlers.get(stage);
            Sequence[] these = new Sequence[stageHandlers.size()];
            for (int h = 0; h < stageHandlers.size(); h++) {
                StageHandler handler = stageHandlers.get(h);
                EventHandler<Msg> eh = new EventHandler<>() {
                    @Override
                    public void onEvent(Msg event, long sequence, boolean endOfBatch) {
                        handler.onEvent(event);
                    }

                    @Override
                    public void onStart() {
                        handler.onStart();
                    }
                };
                BatchEventProcessor<Msg> processor = builder.build(ring, barrier, eh);
                these[h] = processor.getSequence();
                channel.addProcessor("s" + stage + "h" + h, processor);
            }
            upstream = these;
        }
        ring.addGatingSequences(upstream);
        channel.lastStage(upstream);
        return channel;
    }
}
