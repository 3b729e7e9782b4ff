package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import java.util.ArrayList;
import java.util.List;

/** One tally per handler of a topology, the handlers built around them, and the check at the end. */
public final class Stages {
    /** Builds the handler of one stage around its tally. */
    @FunctionalInterface
    public interface HandlerFactory {
        StageHandler create(int stage, Tally tally);
    }

    private final List<List<Tally>> tallies = new ArrayList<>();
    private final List<List<StageHandler>> handlers = new ArrayList<>();

    public Stages(Topology topology, HandlerFactory factory) {
        for (int s = 0; s < topology.stages(); s++) {
            List<Tally> ts = new ArrayList<>();
            List<StageHandler> hs = new ArrayList<>();
            for (int h = 0; h < topology.width(s); h++) {
                Tally t = new Tally();
                ts.add(t);
                hs.add(factory.create(s, t));
            }
            tallies.add(ts);
            handlers.add(hs);
        }
    }

    public List<List<StageHandler>> handlers() {
        return handlers;
    }

    /** Progress of the last stage, for stall detection. */
    public long lastStageProgress() {
        long sum = 0;
        for (Tally t : tallies.get(tallies.size() - 1)) {
            sum += t.countOpaque();
        }
        return sum;
    }

    /** Every handler of every stage must have seen every message exactly once. */
    public Verdict verify(long expectedCount, long expectedSum) {
        Verdict v = new Verdict();
        for (int s = 0; s < tallies.size(); s++) {
            for (int h = 0; h < tallies.get(s).size(); h++) {
                v.check("stage " + s + " handler " + h, tallies.get(s).get(h), expectedCount, expectedSum);
            }
        }
        return v;
    }

    /** The channel settings of a run; close may take as long as a stall is allowed to. */
    public static ChannelConfig config(RunSpec spec, String role) {
        return new ChannelConfig(spec.capacity(), spec.waitMode(), spec.impl() + "-" + role,
                Math.max(2_000, 2 * spec.stallMillis()));
    }
}
