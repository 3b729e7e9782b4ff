package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.WaitMode;
import java.util.List;

/**
 * One table of the report: a scenario in one wait mode with its settings, and the implementations to
 * compare. {@code template} carries the settings; each run fills in its implementation and repetition.
 */
public record Case(Scenario scenario, WaitMode waitMode, List<String> impls, RunSpec template, int reps) {

    public Case {
        impls = List.copyOf(impls);
    }

    /** The spec of one run. */
    public RunSpec spec(String impl, int rep) {
        RunSpec t = template;
        return new RunSpec(t.scenario(), impl, t.waitMode(), t.capacity(), t.events(), t.rate(),
                t.durationNanos(), t.warmupNanos(), t.burst(), rep, t.stallMillis());
    }

    /** scenario-wait, for file names. */
    public String key() {
        return scenario.name() + "-" + waitMode.label();
    }
}
