package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A test double: every send runs the stage handlers right away on the sender's thread (in a worker pool,
 * one worker per message, in turn). It can drop or duplicate the n-th message, and it remembers every stamp
 * it was given.
 */
final class InlineAdapter implements Adapter {
    enum Fault { NONE, DROP, DUPLICATE }

    private final Fault fault;
    private final long faultAt;
    final List<Long> stamps = new ArrayList<>();

    InlineAdapter(Fault fault, long faultAt) {
        this.fault = fault;
        this.faultAt = faultAt;
    }

    @Override public String id() {
        return "inline";
    }

    @Override public String description() {
        return "test double";
    }

    @Override public int maxProducers() {
        return 1;
    }

    @Override public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        return producerReason(topology);
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        return new Channel() {
            private final Msg msg = new Msg();
            private long sent;
            private long delivered;

            @Override public Sender sender(int index) {
                return (value, stamp) -> {
                    synchronized (stamps) {
                        stamps.add(stamp);
                    }
                    long n = sent++;
                    if (fault == Fault.DROP && n == faultAt) {
                        return;
                    }
                    deliver(value, stamp);
                    if (fault == Fault.DUPLICATE && n == faultAt) {
                        deliver(value, stamp);
                    }
                };
            }

            private void deliver(long value, long stamp) {
                msg.set(value, stamp);
                if (topology.workSharing()) {
                    List<StageHandler> workers = handlers.get(0);
                    workers.get((int) (delivered++ % workers.size())).onEvent(msg);
                    return;
                }
                for (List<StageHandler> stage : handlers) {
                    for (StageHandler h : stage) {
                        h.onEvent(msg);
                    }
                }
            }

            @Override public void start() {
                handlers.forEach(stage -> stage.forEach(StageHandler::onStart));
            }

            @Override public void close() {
            }
        };
    }

    static List<Long> copy(List<Long> l) {
        synchronized (l) {
            return new ArrayList<>(l);
        }
    }
}
