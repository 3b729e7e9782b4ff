package io.ringbus.latency.scenario;

/** What a scenario measures, which decides its table and its files. */
public enum Kind {
    THROUGHPUT, LATENCY, IDLE_CPU
}
