package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.Set;

/** One scenario of the fair suite, run the same way for every implementation. */
public interface Scenario {
    String name();

    /** One line for --list and the report. */
    String summary();

    Kind kind();

    /** The topology of each channel the scenario opens. */
    Topology topology();

    Set<Feature> features();

    ScenarioDefaults defaults();

    /** Threads that keep a core busy in this wait mode: load generators, schedulers, spinning stages. */
    int busyThreads(WaitMode wait);

    /**
     * Runs once and measures. A warm-up run may be shorter; its numbers are thrown away.
     *
     * @throws InterruptedException if the harness is interrupted
     */
    Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException;

    /**
     * True if {@link #run} warms up inside the measured run, before it starts measuring, so the runner skips
     * its own warm-up runs: a scenario whose partner JVM starts afresh in every run needs that partner warm
     * when the measuring starts, which a separate warm-up run cannot give it.
     */
    default boolean warmsUpInsideRun() {
        return false;
    }

    /** Why the adapter cannot run this scenario, or null. */
    default String unsupportedReason(Adapter adapter, WaitMode wait) {
        return adapter.unsupportedReason(topology(), features(), wait);
    }
}
