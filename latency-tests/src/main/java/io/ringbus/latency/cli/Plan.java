package io.ringbus.latency.cli;

import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.Scenario;
import io.ringbus.latency.scenario.ScenarioDefaults;
import io.ringbus.latency.scenario.Scenarios;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Turns the options into the cases to run, applying each scenario's defaults where an option is absent.
 * Every rule is checked here, and each message names the option and the rule.
 */
public final class Plan {
    static final int MAX_CAPACITY = 1 << 30;
    /** A run that makes no progress for this long is declared broken. */
    static final long STALL_MILLIS = 5_000;

    private Plan() {
    }

    /** The settings the command line gave; null means "the scenario's default". */
    public record Options(List<String> scenarios, List<String> impls, List<String> waits, Integer capacity,
                          Long events, Long rate, Long durationNanos, long warmupNanos, int reps, int burst) {
    }

    /**
     * The cases, in run order.
     *
     * @throws IllegalArgumentException naming the option and the rule, on a bad value
     */
    public static List<Case> build(Options o) {
        if (o.reps() < 1) {
            throw new IllegalArgumentException("--reps must be at least 1 (5 or more for a comparison), was " + o.reps());
        }
        if (o.warmupNanos() < 0) {
            throw new IllegalArgumentException("--warmup must not be negative");
        }
        if (o.durationNanos() != null && o.durationNanos() < 1_000_000) {
            throw new IllegalArgumentException("--duration must be at least 1ms");
        }
        if (o.capacity() != null) {
            checkCapacity(o.capacity());
        }
        if (o.burst() < 1) {
            throw new IllegalArgumentException("--burst must be at least 1, was " + o.burst());
        }
        if (o.rate() != null && o.rate() > 100_000_000L) {
            throw new IllegalArgumentException("--rate must be at most 100M messages per second, was " + o.rate());
        }
        List<Scenario> scenarios = scenarios(o.scenarios());
        List<String> impls = o.impls() == null ? null : impls(o.impls());
        List<WaitMode> waits = o.waits() == null ? null : waits(o.waits());
        List<Case> cases = new ArrayList<>();
        for (Scenario s : scenarios) {
            ScenarioDefaults d = s.defaults();
            int capacity = o.capacity() != null ? o.capacity() : d.capacity();
            if (s.name().startsWith("lat-burst") && o.burst() > capacity) {
                throw new IllegalArgumentException("--burst " + o.burst() + " must not exceed the ring capacity "
                        + capacity + " (" + s.name() + " would deadlock); raise --capacity or lower --burst");
            }
            long events = o.events() != null ? o.events() : d.events();
            long rate = o.rate() != null ? o.rate() : d.rate();
            long duration = o.durationNanos() != null ? o.durationNanos() : d.durationNanos();
            for (WaitMode w : waits != null ? waits : d.waits()) {
                RunSpec template = new RunSpec(s.name(), "", w, capacity, s.kind() == Kind.THROUGHPUT ? events : 0,
                        rate, duration, o.warmupNanos(), o.burst(), 0, STALL_MILLIS);
                cases.add(new Case(s, w, impls != null ? impls : d.impls(), template, o.reps()));
            }
        }
        return cases;
    }

    /** The capacity rule, in one place: a power of two in [2, 2^30]. */
    static void checkCapacity(int capacity) {
        if (capacity < 2 || capacity > MAX_CAPACITY || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("--capacity must be a power of two between 2 and " + MAX_CAPACITY
                    + ", was " + capacity);
        }
    }

    static List<Scenario> scenarios(List<String> names) {
        if (names == null || names.isEmpty()) {
            names = Scenarios.DEFAULT_RUN;
        }
        if (names.size() == 1 && names.get(0).equals("all")) {
            return Scenarios.all();
        }
        List<Scenario> out = new ArrayList<>();
        for (String n : new LinkedHashSet<>(names)) {
            Scenario s = Scenarios.byName(n.trim());
            if (s == null) {
                throw new IllegalArgumentException("--scenario: unknown scenario '" + n + "'; choose from "
                        + Scenarios.names() + " or 'all' (see --list)");
            }
            out.add(s);
        }
        return out;
    }

    static List<String> impls(List<String> ids) {
        if (ids.size() == 1 && ids.get(0).equals("all")) {
            return Adapters.ids();
        }
        List<String> out = new ArrayList<>();
        for (String id : new LinkedHashSet<>(ids)) {
            if (Adapters.byId(id.trim()) == null) {
                throw new IllegalArgumentException("--impl: unknown implementation '" + id + "'; choose from "
                        + Adapters.ids() + " or 'all' (see --list)");
            }
            out.add(id.trim());
        }
        return out;
    }

    static List<WaitMode> waits(List<String> labels) {
        List<WaitMode> out = new ArrayList<>();
        for (String l : labels) {
            WaitMode w = WaitMode.parse(l);
            if (w == null) {
                throw new IllegalArgumentException("--wait: unknown wait strategy '" + l
                        + "'; choose from busy-spin, yield, park, blocking");
            }
            if (!out.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
