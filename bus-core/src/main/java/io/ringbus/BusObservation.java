package io.ringbus;

import io.ringbus.internal.consumer.Topology;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.monitor.BusMonitor;
import io.ringbus.internal.producer.Sequencer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What one bus shows of itself: snapshots of its counters, and, if configured, the monitor thread that exports
 * them to the counters file and runs the stall watchdog. The bus calls {@link #prepare()}, {@link #started()}
 * and {@link #stop()} under its lifecycle lock; the snapshots may be taken from any thread.
 */
final class BusObservation {
    private final RingBusBuilder<?> config;
    private final int capacity;
    private final RunState run;
    private final BusStats stats;
    private volatile BusMonitor monitor;
    private boolean stopped;

    BusObservation(RingBusBuilder<?> config, int capacity, Topology topology, Sequencer sequencer, RunState run) {
        this.config = config;
        this.capacity = capacity;
        this.run = run;
        this.stats = new BusStats(topology, sequencer);
    }

    /** Before the stage threads start, with the graph fixed: creates the counters file, if configured. */
    void prepare() {
        if (config.countersDir == null && config.stallTimeout == null) {
            return;
        }
        try {
            monitor = BusMonitor.create(config.name, capacity, config.countersDir, config.countersInterval,
                    config.stallTimeout, config.stallListener, stats::stages, stats::producer, run::isHalted);
        } catch (IOException e) {
            throw new IllegalStateException("start(): cannot create the counters file in " + config.countersDir
                    + ": " + e, e);
        }
    }

    /** Once the stage threads started: starts the monitor thread. */
    void started() {
        BusMonitor m = monitor;
        if (m != null) {
            stats.stallsFrom(m::stalls);
            m.start();
        }
    }

    /** The bus closed, or its start failed: stops the monitor, whose last update marks the file closed. Once. */
    void stop() {
        BusMonitor m = monitor;
        if (m != null && !stopped) {
            stopped = true;
            m.close();
        }
    }

    List<StageStats> stages() {
        return stats.stages();
    }

    ProducerStats producer() {
        return stats.producer();
    }

    /** The counters file, once prepared; null if the bus exports none. */
    Path countersFile() {
        BusMonitor m = monitor;
        return m == null ? null : m.file();
    }
}
