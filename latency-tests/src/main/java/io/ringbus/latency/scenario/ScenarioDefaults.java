package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.WaitMode;
import java.util.List;

/** A scenario's settings when the command line does not give them (the fair suite's, shortened for time). */
public record ScenarioDefaults(int capacity, List<WaitMode> waits, long events, long rate, long durationNanos,
                               List<String> impls) {

    public ScenarioDefaults {
        waits = List.copyOf(waits);
        impls = List.copyOf(impls);
    }
}
