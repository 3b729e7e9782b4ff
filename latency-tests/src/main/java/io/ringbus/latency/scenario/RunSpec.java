package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.WaitMode;

/**
 * Everything one run (one implementation, one repetition, in one JVM) needs.
 *
 * @param events      messages per throughput run
 * @param rate        messages per second for fixed-rate, ping and burst schedules
 * @param durationNanos how long a latency or idle run measures
 * @param warmupNanos how long to warm up before measuring (0: no warm-up)
 * @param burst       messages per burst in the burst scenarios
 * @param stallMillis how long a run may make no progress before it is declared broken
 */
public record RunSpec(String scenario, String impl, WaitMode waitMode, int capacity, long events, long rate,
                      long durationNanos, long warmupNanos, int burst, int rep, long stallMillis) {

    /** A short name for files and thread names: scenario-wait-impl. */
    public String key() {
        return scenario + "-" + waitMode.label() + "-" + impl;
    }
}
