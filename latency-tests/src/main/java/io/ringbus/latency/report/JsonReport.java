package io.ringbus.latency.report;

import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * results.json: the same rows as results.csv, for tools that would rather not parse CSV. Latencies are in
 * nanoseconds; a figure that does not apply to the run (or was not measured) is null.
 */
public final class JsonReport {
    private JsonReport() {
    }

    public static void write(Path file, List<RunResult> results, MachineInfo machine, Provenance provenance)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, render(results, machine, provenance));
    }

    static String render(List<RunResult> results, MachineInfo machine, Provenance provenance) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("ringbus_version", provenance.ringbusVersion());
        context.put("git_commit", provenance.gitCommit());
        context.putAll(machine.asMap());
        context.put("cores", machine.cores());
        List<Object> rows = new ArrayList<>();
        for (RunResult r : results) {
            rows.add(row(r));
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("context", context);
        doc.put("results", rows);
        return Json.write(doc);
    }

    static Map<String, Object> row(RunResult r) {
        RunSpec s = r.spec();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("scenario", s.scenario());
        m.put("wait", s.waitMode().label());
        m.put("impl", s.impl());
        m.put("rep", s.rep());
        m.put("status", r.status().name());
        m.put("capacity", s.capacity());
        m.put("events", s.events());
        m.put("rate", s.rate());
        m.put("duration_s", s.durationNanos() / 1e9);
        m.put("burst", s.burst());
        m.put("ops_per_s", r.opsPerSecond());
        String primary = Latencies.primary(r);
        m.put("histogram", primary);
        m.put("latency_ns", primary == null ? null : latencies(Latencies.values(r.total(primary))));
        m.put("count", r.count());
        m.put("achieved_rate", r.achievedRate());
        m.put("idle_cpu_pct", r.idleCpuPercent());
        m.put("other_cpu_cores", r.otherCores());
        m.put("self_cpu_cores", r.selfCores());
        m.put("notes", r.notes());
        return m;
    }

    private static Map<String, Object> latencies(double[] values) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(Latencies.LABELS.get(i), values[i]);
        }
        return m;
    }
}
