package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One tally per handler of a topology, the handlers built around them, and the check at the end: in a
 * broadcast stage every handler must see every message once, in a worker pool the workers together must.
 */
public final class Stages {
    /** Builds the handler of one stage around its tally. */
    @FunctionalInterface
    public interface HandlerFactory {
        StageHandler create(int stage, Tally tally);
    }

    private final List<List<Tally>> tallies = new ArrayList<>();
    private final List<List<StageHandler>> handlers = new ArrayList<>();
    private final boolean workSharing;

    public Stages(Topology topology, HandlerFactory factory) {
        this.workSharing = topology.workSharing();
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

    /**
     * Every handler of every stage must have seen every message exactly once; the workers of a pool must
     * have seen every message exactly once between them (a lost or a duplicated one fails either way).
     */
    public Verdict verify(long expectedCount, long expectedSum) {
        Verdict v = new Verdict();
        if (workSharing) {
            long count = 0;
            long sum = 0;
            for (Tally t : tallies.get(0)) {
                count += t.count();
                sum += t.sum();
            }
            return v.check("worker pool (" + tallies.get(0).size() + " workers together)", count, sum,
                    expectedCount, expectedSum);
        }
        for (int s = 0; s < tallies.size(); s++) {
            for (int h = 0; h < tallies.get(s).size(); h++) {
                v.check("stage " + s + " handler " + h, tallies.get(s).get(h), expectedCount, expectedSum);
            }
        }
        return v;
    }

    /** How a worker pool split the messages, e.g. "worker shares 50.2% / 49.8%"; null for broadcast stages. */
    public String workerShares() {
        if (!workSharing) {
            return null;
        }
        long total = 0;
        for (Tally t : tallies.get(0)) {
            total += t.count();
        }
        List<String> shares = new ArrayList<>();
        for (Tally t : tallies.get(0)) {
            shares.add(total == 0 ? "-" : String.format(Locale.ROOT, "%.1f%%", 100.0 * t.count() / total));
        }
        return "worker shares " + String.join(" / ", shares);
    }

    /** The channel settings of a run; close may take as long as a stall is allowed to. */
    public static ChannelConfig config(RunSpec spec, String role) {
        return new ChannelConfig(spec.capacity(), spec.waitMode(), spec.impl() + "-" + role,
                Math.max(2_000, 2 * spec.stallMillis()));
    }
}
