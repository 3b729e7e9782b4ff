package io.ringbus.latency.adapter.ringbus;

import io.ringbus.EventHandler;
import io.ringbus.ProducerMode;
import io.ringbus.RingBus;
import io.ringbus.StageGroup;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * ringbus in its own idiom: a bus built once, broadcast stages chained with {@code then}, a worker pool
 * from {@code handleEventsWithWorkerPool} (work-sharing: each worker takes the next unclaimed event), and
 * producers using claim / get / publish. The chosen wait mode is both the stages' and the producers'
 * strategy, so a producer facing a full ring waits the same way a stage does.
 */
public final class RingBusAdapter implements Adapter {
    private final ProducerMode mode;
    /**
     * The relaxed variant: SINGLE with producersStopBeforeClose (the harness closes only after its producers
     * finished, so the promise holds), MULTI with checkPublishes(false) (each producer publishes what it claimed).
     */
    private final boolean relaxed;

    public RingBusAdapter(ProducerMode mode) {
        this(mode, false);
    }

    public RingBusAdapter(ProducerMode mode, boolean relaxed) {
        this.mode = mode;
        this.relaxed = relaxed;
    }

    @Override
    public String id() {
        return mode == ProducerMode.SINGLE ? "ringbus-single" + (relaxed ? "-nofence" : "")
                : "ringbus-multi" + (relaxed ? "-unchecked" : "");
    }

    @Override
    public String description() {
        String relaxation = mode == ProducerMode.SINGLE ? ", producersStopBeforeClose (no claim fence)"
                : ", checkPublishes(false) (no claim-cursor or slot-state read before a publish)";
        return "ringbus RingBus, ProducerMode." + mode + (relaxed ? relaxation : "")
                + ", broadcast stages or a work-sharing WorkerPoolSpec pool; waits: BusySpin / Yielding / Parking / Blocking";
    }

    @Override
    public int maxProducers() {
        return mode == ProducerMode.SINGLE ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        return producerReason(topology);
    }

    static WaitStrategy waitStrategy(WaitMode wait) {
        switch (wait) {
            case SPIN: return new BusySpinWaitStrategy();
            case YIELD: return new YieldingWaitStrategy();
            case PARK: return new ParkingWaitStrategy();
            case BLOCKING: return new BlockingWaitStrategy();
            default: throw new IllegalArgumentException("wait " + wait);
        }
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        RingBus<Msg> bus = RingBus.builder(Msg::new)
                .capacity(config.capacity())
                .producerMode(mode)
                .waitStrategy(waitStrategy(config.waitMode()))
                .producerWaitStrategy(waitStrategy(config.waitMode()))
                .name(config.name())
                .shutdownTimeout(Duration.ofMillis(config.closeTimeoutMillis()))
                .producersStopBeforeClose(relaxed && mode == ProducerMode.SINGLE)
                .checkPublishes(!(relaxed && mode == ProducerMode.MULTI))
                .build();
        StageGroup<Msg> group = topology.workSharing()
                ? bus.handleEventsWithWorkerPool(pool(handlers.get(0)))
                : bus.handleEventsWith(eventHandlers(handlers.get(0)));
        for (int s = 1; s < topology.stages(); s++) {
            group = group.then(eventHandlers(handlers.get(s)));
        }
        return new RingBusChannel(bus, config);
    }

    /** One worker per handler; the pool's workers wait with the bus's wait strategy. */
    private static WorkerPoolSpec<Msg> pool(List<StageHandler> workers) {
        Iterator<StageHandler> next = workers.iterator();
        return WorkerPoolSpec.of(workers.size(), () -> workHandler(next.next())).named("pool");
    }

    private static WorkHandler<Msg> workHandler(StageHandler h) {
        return new WorkHandler<>() {
            @Override
            public void onEvent(Msg event, long sequence) {
                h.onEvent(event);
            }

            @Override
            public void onStart() {
                h.onStart();
            }
        };
    }

    private static EventHandler<Msg>[] eventHandlers(List<StageHandler> stage) {
        @SuppressWarnings("unchecked")
        EventHandler<Msg>[] out = (EventHandler<Msg>[]) new EventHandler<?>[stage.size()];
        for (int i = 0; i < out.length; i++) {
            StageHandler h = stage.get(i);
            out[i] = new EventHandler<>() {
                @Override
                public void onEvent(Msg event, long sequence, boolean endOfBatch) {
                    h.onEvent(event);
                }

                @Override
                public void onStart() {
                    h.onStart();
                }
            };
        }
        return out;
    }
}
