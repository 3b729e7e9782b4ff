package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.WaitMode;
import java.util.List;

/**
 * A scenario's settings when the command line does not give them (the fair suite's, shortened for time).
 *
 * @param references the implementations the table gives ratios to, those of them that ran; the Disruptor
 *                   unless a scenario has no Disruptor idiom
 */
public record ScenarioDefaults(int capacity, List<WaitMode> waits, long events, long rate, long durationNanos,
                               List<String> impls, List<String> references) {
    /** Ratios to the Disruptor, single- or multi-producer, whichever ran. */
    public static final List<String> DISRUPTOR = List.of("disruptor-single", "disruptor-multi");

    public ScenarioDefaults {
        waits = List.copyOf(waits);
        impls = List.copyOf(impls);
        references = List.copyOf(references);
    }

    /** Settings whose table compares with the Disruptor. */
    public ScenarioDefaults(int capacity, List<WaitMode> waits, long events, long rate, long durationNanos,
                            List<String> impls) {
        this(capacity, waits, events, rate, durationNanos, impls, DISRUPTOR);
    }
}
