package io.ringbus.latency.scenario;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Adapters;
import io.ringbus.latency.machine.CpuMeter;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one implementation through one scenario: warm up (repeating short runs until the warm-up time has
 * passed), throw those numbers away, then measure once while watching the machine's CPU.
 */
public final class Runner {
    private Runner() {
    }

    public static RunResult run(RunSpec spec) {
        Scenario scenario = Scenarios.byName(spec.scenario());
        Adapter adapter = Adapters.byId(spec.impl());
        if (scenario == null || adapter == null) {
            return RunResult.failed(spec, "unknown scenario or implementation");
        }
        String reason = scenario.unsupportedReason(adapter, spec.waitMode());
        if (reason != null) {
            return RunResult.skipped(spec, reason);
        }
        try {
            if (spec.warmupNanos() > 0 && !scenario.warmsUpInsideRun()) {
                long end = System.nanoTime() + spec.warmupNanos();
                do {
                    Measurement w = scenario.run(adapter, spec, true);
                    if (w.failed()) {
                        return RunResult.failed(spec, "during warm-up: "
                                + String.join("; ", w.notes()).replace("FAILED: ", ""));
                    }
                } while (System.nanoTime() - end < 0);
                // Leave the warm-up's garbage behind before the clock starts.
                System.gc();
            }
            CpuMeter.Sample before = CpuMeter.sample();
            Measurement m = scenario.run(adapter, spec, false);
            CpuMeter.Sample after = CpuMeter.sample();
            List<String> notes = new ArrayList<>(m.notes());
            double wallSeconds = (after.wallNanos() - before.wallNanos()) / 1e9;
            double partner = wallSeconds <= 0 ? 0 : m.partnerCpuNanos() / 1e9 / wallSeconds;
            return new RunResult(spec, m.failed() ? RunResult.Status.FAILED : RunResult.Status.OK, notes,
                    m.opsPerSecond(), m.idleCpuPercent(), m.achievedRate(), m.count(),
                    Math.max(0, after.otherCores(before) - partner), after.selfCores(before) + partner,
                    wallSeconds, m.histograms());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunResult.failed(spec, "interrupted");
        } catch (RuntimeException e) {
            return RunResult.failed(spec, e.toString());
        }
    }
}
