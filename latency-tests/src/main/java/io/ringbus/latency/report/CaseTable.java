package io.ringbus.latency.report;

import io.ringbus.latency.cli.Quantities;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.HdrHistogram.Histogram;

/**
 * One console table per case: the median over the repetitions, the spread (min..max) and the ratio to
 * the scenario's reference implementation run side by side (the Disruptor, or a queue where the Disruptor
 * has no idiom). Only passing runs count; failures and skips are listed under the table.
 */
public final class CaseTable {
    static final String FLOOR = "volatile";
    /** Above this much CPU taken by others, latency figures are not to be quoted (under load every round trip is scheduler delay). */
    static final double BUSY_MACHINE_CORES = 0.25;

    private CaseTable() {
    }

    public static String render(Case c, List<RunResult> results) {
        StringBuilder sb = new StringBuilder();
        sb.append("=== ").append(c.scenario().name()).append(": ").append(c.scenario().summary()).append('\n');
        sb.append("    ").append(settings(c)).append('\n');
        Map<String, List<RunResult>> byImpl = byImpl(results);
        List<String> refs = references(c, byImpl);
        switch (c.scenario().kind()) {
            case THROUGHPUT:
                sb.append(simple(byImpl, refs, RunResult::opsPerSecond, "Mmsg/s", Format::mops));
                break;
            case IDLE_CPU:
                sb.append(simple(byImpl, refs, RunResult::idleCpuPercent, "CPU % of a core", Format::percent));
                break;
            default:
                sb.append(latency(byImpl, refs));
        }
        sb.append(footnotes(results));
        return sb.toString();
    }

    /** The case's settings on one line: wait, ring, events or rate and duration, warm-up, repetitions. */
    static String settings(Case c) {
        RunSpec t = c.template();
        StringBuilder sb = new StringBuilder();
        sb.append("wait ").append(c.waitMode().label()).append(" | ring ").append(t.capacity());
        if (c.scenario().kind() == Kind.THROUGHPUT) {
            sb.append(" | events ").append(Quantities.formatCount(t.events()));
            if (t.durationNanos() > 0) {
                sb.append(" (cap ").append(Quantities.formatDuration(t.durationNanos())).append(')');
            }
        } else {
            if (t.rate() > 0 && c.scenario().kind() == Kind.LATENCY) {
                sb.append(" | rate ").append(Quantities.formatCount(t.rate())).append("/s");
            }
            sb.append(" | duration ").append(Quantities.formatDuration(t.durationNanos()));
        }
        sb.append(" | warm-up ").append(Quantities.formatDuration(t.warmupNanos()))
                .append(" | reps ").append(c.reps()).append(" (one JVM each, interleaved)");
        return sb.toString();
    }

    /** The scenario's references that took part in this case; one skipped throughout gets no column. */
    static List<String> references(Case c, Map<String, List<RunResult>> byImpl) {
        return c.scenario().defaults().references().stream()
                .filter(r -> byImpl.containsKey(r) && !allSkipped(byImpl.get(r))).toList();
    }

    static Map<String, List<RunResult>> byImpl(List<RunResult> results) {
        Map<String, List<RunResult>> m = new LinkedHashMap<>();
        for (RunResult r : results) {
            m.computeIfAbsent(r.spec().impl(), k -> new ArrayList<>()).add(r);
        }
        return m;
    }

    private static List<RunResult> ok(List<RunResult> rs) {
        return rs.stream().filter(RunResult::ok).toList();
    }

    private static Stats stats(List<RunResult> rs, ToDoubleFunction<RunResult> f) {
        return Stats.of(ok(rs).stream().map(r -> f.applyAsDouble(r)).toList());
    }

    private static String simple(Map<String, List<RunResult>> byImpl, List<String> refs,
                                 ToDoubleFunction<RunResult> metric, String unit,
                                 java.util.function.DoubleFunction<String> fmt) {
        List<String> header = new ArrayList<>(List.of("impl", "median " + unit, "min..max"));
        refs.forEach(r -> header.add("vs " + r));
        header.addAll(List.of("other CPU", "runs"));
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (Map.Entry<String, List<RunResult>> e : byImpl.entrySet()) {
            if (allSkipped(e.getValue())) {
                continue;
            }
            Stats s = stats(e.getValue(), metric);
            List<String> row = new ArrayList<>(List.of(e.getKey(), fmt.apply(s.median()),
                    fmt.apply(s.min()) + ".." + fmt.apply(s.max())));
            for (String ref : refs) {
                row.add(Format.ratio(s.median(), stats(byImpl.get(ref), metric).median()));
            }
            row.add(Format.cores(stats(e.getValue(), RunResult::otherCores).median()));
            row.add(runs(e.getValue()));
            table.row(row.toArray(String[]::new));
        }
        return table.render();
    }

    private static String latency(Map<String, List<RunResult>> byImpl, List<String> refs) {
        boolean floor = byImpl.containsKey(FLOOR) && !allSkipped(byImpl.get(FLOOR));
        List<String> header = new ArrayList<>(List.of("impl (us)"));
        header.addAll(Latencies.LABELS);
        header.add("p50 min..max");
        refs.forEach(r -> header.add("p50 vs " + r));
        if (floor) {
            header.add("p50 x floor");
        }
        header.addAll(List.of("other CPU", "runs"));
        TextTable table = new TextTable(header.toArray(String[]::new));
        for (Map.Entry<String, List<RunResult>> e : byImpl.entrySet()) {
            if (allSkipped(e.getValue())) {
                continue;
            }
            for (String name : histogramNames(e.getValue())) {
                List<double[]> perRep = new ArrayList<>();
                for (RunResult r : ok(e.getValue())) {
                    perRep.add(Latencies.values(r.total(name)));
                }
                String label = histogramNames(e.getValue()).size() > 1 ? e.getKey() + " " + name : e.getKey();
                List<String> row = new ArrayList<>(List.of(label));
                for (int i = 0; i < Latencies.LABELS.size(); i++) {
                    row.add(Format.micros(column(perRep, i).median()));
                }
                Stats p50 = column(perRep, 0);
                row.add(Format.micros(p50.min()) + ".." + Format.micros(p50.max()));
                for (String ref : refs) {
                    row.add(Format.ratio(p50.median(), p50Of(byImpl.get(ref), name)));
                }
                if (floor) {
                    row.add(Format.ratio(p50.median(), p50Of(byImpl.get(FLOOR), name)));
                }
                row.add(Format.cores(stats(e.getValue(), RunResult::otherCores).median()));
                row.add(runs(e.getValue()));
                table.row(row.toArray(String[]::new));
            }
        }
        return table.render();
    }

    private static double p50Of(List<RunResult> rs, String name) {
        List<Double> v = new ArrayList<>();
        for (RunResult r : ok(rs)) {
            Histogram h = r.total(name);
            v.add(Latencies.values(h)[0]);
        }
        return Stats.of(v).median();
    }

    private static Stats column(List<double[]> perRep, int i) {
        return Stats.of(perRep.stream().map(v -> v[i]).toList());
    }

    static Set<String> histogramNames(List<RunResult> rs) {
        Set<String> names = new LinkedHashSet<>();
        for (RunResult r : ok(rs)) {
            names.addAll(r.histograms().keySet());
        }
        return names;
    }

    private static boolean allSkipped(List<RunResult> rs) {
        return rs.stream().allMatch(r -> r.status() == RunResult.Status.SKIPPED);
    }

    private static String runs(List<RunResult> rs) {
        long ok = rs.stream().filter(RunResult::ok).count();
        long failed = rs.stream().filter(r -> r.status() == RunResult.Status.FAILED).count();
        return failed == 0 ? ok + " ok" : ok + " ok, " + failed + " FAILED";
    }

    private static String footnotes(List<RunResult> results) {
        Set<String> lines = new LinkedHashSet<>();
        double worstOther = 0;
        for (RunResult r : results) {
            if (r.status() == RunResult.Status.SKIPPED) {
                lines.add("  skipped " + r.spec().impl() + ": " + String.join("; ", r.notes()));
            } else if (r.status() == RunResult.Status.FAILED) {
                lines.add("  FAILED " + r.spec().impl() + " rep " + r.spec().rep() + ": " + String.join("; ", r.notes()));
            } else if (!r.notes().isEmpty()) {
                lines.add("  " + r.spec().impl() + " rep " + r.spec().rep() + ": " + String.join("; ", r.notes()));
            }
            if (!Double.isNaN(r.otherCores())) {
                worstOther = Math.max(worstOther, r.otherCores());
            }
        }
        if (worstOther > BUSY_MACHINE_CORES) {
            lines.add(String.format(java.util.Locale.ROOT, "  WARNING: other processes took up to %.2f cores "
                    + "during these runs; treat the figures as noisy and quote no latency from them", worstOther));
        }
        return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
    }
}
