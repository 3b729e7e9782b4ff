package io.ringbus.latency.adapter.raw;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.StageThreads;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The physical floor: a padded one-slot volatile mailbox per direction, no ring, no batching. Only
 * round-trip scenarios use it, and only with spin or yield, since it has nothing to park on.
 */
public final class VolatileAdapter implements Adapter {

    @Override
    public String id() {
        return "volatile";
    }

    @Override
    public String description() {
        return "raw one-slot volatile hand-off (acquire/release), the round-trip floor; waits: spin / yield";
    }

    @Override
    public int maxProducers() {
        return 1;
    }

    @Override
    public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        if (!features.contains(Feature.ROUND_TRIP)) {
            return "the raw volatile hand-off is only the round-trip floor, not a bus";
        }
        if (features.contains(Feature.BURSTS)) {
            return "the one-slot hand-off holds one message; a burst would deadlock its round trip";
        }
        if (!topology.equals(Topology.unicast(1))) {
            return "the raw volatile hand-off has one producer and one consumer";
        }
        if (wait == WaitMode.PARK || wait == WaitMode.BLOCKING) {
            return "the raw volatile hand-off only spins or yields";
        }
        return null;
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        return new MailboxChannel(config, handlers.get(0).get(0));
    }

    private static final class MailboxChannel implements Channel {
        private final Mailbox box = new Mailbox();
        private final AtomicBoolean stopping = new AtomicBoolean();
        private final StageThreads threads;
        private final ChannelConfig config;
        private final boolean yield;

        MailboxChannel(ChannelConfig config, StageHandler handler) {
            this.config = config;
            this.yield = config.waitMode() == WaitMode.YIELD;
            this.threads = new StageThreads(config.name());
            threads.add("h0", () -> {
                Msg msg = new Msg();
                handler.onStart();
                while (true) {
                    if (box.take(msg)) {
                        handler.onEvent(msg);
                    } else if (stopping.get() && box.isEmpty()) {
                        return;
                    } else {
                        Mailbox.pause(yield);
                    }
                }
            });
        }

        @Override
        public Sender sender(int index) {
            return (value, stamp) -> box.put(value, stamp, yield);
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
}
