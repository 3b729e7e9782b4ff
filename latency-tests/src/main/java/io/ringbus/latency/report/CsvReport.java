package io.ringbus.latency.report;

import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Every repetition as one CSV row, with its settings and its machine context. */
public final class CsvReport {
    static final String HEADER = "scenario,wait,impl,rep,status,capacity,events,rate,duration_s,burst,"
            + "ops_per_s,p50_ns,p90_ns,p99_ns,p999_ns,p9999_ns,max_ns,count,achieved_rate,idle_cpu_pct,"
            + "other_cpu_cores,self_cpu_cores,jdk,cpu,cores,ringbus_version,git_commit,notes";

    private CsvReport() {
    }

    public static void write(Path file, List<RunResult> results, MachineInfo machine, Provenance provenance)
            throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file))) {
            w.println(HEADER);
            for (RunResult r : results) {
                w.println(row(r, machine, provenance));
            }
        }
    }

    static String row(RunResult r, MachineInfo m, Provenance p) {
        RunSpec s = r.spec();
        String primary = Latencies.primary(r);
        double[] lat = Latencies.values(primary == null ? null : r.total(primary));
        List<String> cells = new ArrayList<>(List.of(s.scenario(), s.waitMode().label(), s.impl(),
                Integer.toString(s.rep()), r.status().name(), Integer.toString(s.capacity()),
                Long.toString(s.events()), Long.toString(s.rate()), Format.plain(s.durationNanos() / 1e9),
                Integer.toString(s.burst()), Format.plain(r.opsPerSecond())));
        for (double v : lat) {
            cells.add(Format.plain(v));
        }
        cells.addAll(List.of(Long.toString(r.count()), Format.plain(r.achievedRate()),
                Format.plain(r.idleCpuPercent()), Format.plain(r.otherCores()), Format.plain(r.selfCores()),
                m.jdk(), m.cpuModel(), Integer.toString(m.cores()), p.ringbusVersion(), p.gitCommit(),
                String.join("; ", r.notes())));
        StringBuilder sb = new StringBuilder();
        for (String c : cells) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(quote(c));
        }
        return sb.toString();
    }

    static String quote(String cell) {
        if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
            return '"' + cell.replace("\"", "\"\"") + '"';
        }
        return cell;
    }
}
