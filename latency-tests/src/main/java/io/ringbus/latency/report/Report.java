package io.ringbus.latency.report;

import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.LatencyRecorder;
import io.ringbus.latency.scenario.RunResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Everything a campaign writes: the console tables (also kept in summary.txt), one .hgrm per latency
 * result, one PNG per latency or throughput case, the CSV and JSON of every repetition, and the context.
 */
public final class Report {
    private final Path dir;
    private final MachineInfo machine;
    private final Provenance provenance;
    private final PrintWriter out;
    private final StringBuilder summary = new StringBuilder();
    private final List<RunResult> all = new ArrayList<>();
    private final List<Path> written = new ArrayList<>();

    public Report(Path dir, MachineInfo machine, Provenance provenance, PrintWriter out) {
        this.dir = dir;
        this.machine = machine;
        this.provenance = provenance;
        this.out = out;
    }

    /** Text printed to the console and kept for summary.txt. */
    public void say(String text) {
        out.print(text);
        out.flush();
        summary.append(text);
    }

    /** Prints the case's table and writes its histogram files and plot. */
    public void addCase(Case c, List<RunResult> results) {
        all.addAll(results);
        say(CaseTable.render(c, results));
        if (c.scenario().kind() == Kind.THROUGHPUT) {
            drawThroughput(c, results);
        }
        if (c.scenario().kind() != Kind.LATENCY) {
            say("\n");
            return;
        }
        Map<String, Histogram> plotted = new LinkedHashMap<>();
        for (Map.Entry<String, List<RunResult>> e : CaseTable.byImpl(results).entrySet()) {
            for (String name : CaseTable.histogramNames(e.getValue())) {
                Histogram merged = merge(e.getValue(), name);
                String suffix = CaseTable.histogramNames(e.getValue()).size() > 1 ? "-" + name : "";
                Path hgrm = dir.resolve(c.key() + "-" + e.getKey() + suffix + ".hgrm");
                try {
                    HistogramFiles.writeHgrm(hgrm, merged);
                    written.add(hgrm);
                } catch (IOException ex) {
                    say("  cannot write " + hgrm + ": " + ex + "\n");
                }
                if (name.equals(Latencies.primary(e.getValue().get(0))) || "e2e".equals(name)) {
                    plotted.put(e.getKey(), merged);
                }
            }
        }
        if (!plotted.isEmpty()) {
            Path png = dir.resolve(c.key() + ".png");
            try {
                PercentilePlot.write(png, Caption.of(c, machine, provenance, "Curves merge every passing "
                        + "repetition, so a curve's max is the worst repetition's; the table gives the median of "
                        + "the repetitions' percentiles."), plotted);
                written.add(png);
            } catch (IOException | RuntimeException ex) {
                say("  cannot draw " + png + ": " + ex + "\n");
            }
        }
        say("\n");
    }

    /** Bars of the median msg/s with min..max whiskers, and the ratio to the first reference that ran. */
    private void drawThroughput(Case c, List<RunResult> results) {
        Map<String, Stats> byImpl = new LinkedHashMap<>();
        CaseTable.byImpl(results).forEach((impl, rs) -> byImpl.put(impl,
                Stats.of(rs.stream().filter(RunResult::ok).map(RunResult::opsPerSecond).toList())));
        List<String> refs = CaseTable.references(c, CaseTable.byImpl(results));
        String reference = refs.isEmpty() ? null : refs.get(0);
        Path png = dir.resolve(c.key() + ".png");
        String note = "Bars: median of the passing repetitions; whiskers: their min..max"
                + (reference == null ? "." : "; in brackets: median / median of " + reference + ".");
        try {
            ThroughputPlot.write(png, Caption.of(c, machine, provenance, note), byImpl, reference);
            if (Files.isRegularFile(png)) {
                written.add(png);
            }
        } catch (IOException | RuntimeException ex) {
            say("  cannot draw " + png + ": " + ex + "\n");
        }
    }

    /** All passing repetitions of one implementation, one histogram name, merged. */
    static Histogram merge(List<RunResult> results, String name) {
        Histogram sum = new Histogram(LatencyRecorder.HIGHEST_NANOS, LatencyRecorder.SIGNIFICANT_DIGITS);
        for (RunResult r : results) {
            Histogram h = r.ok() ? r.total(name) : null;
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }

    /** Writes the CSV, the JSON, the context and summary.txt; returns every file written. */
    public List<Path> finish(String context) throws IOException {
        Path csv = dir.resolve("results.csv");
        CsvReport.write(csv, all, machine, provenance);
        written.add(csv);
        Path json = dir.resolve("results.json");
        JsonReport.write(json, all, machine, provenance);
        written.add(json);
        Path ctx = dir.resolve("context.txt");
        Files.writeString(ctx, context);
        written.add(ctx);
        // The console text already opens with the context block; summary.txt is that text, once.
        Path sum = dir.resolve("summary.txt");
        Files.writeString(sum, summary);
        written.add(sum);
        return List.copyOf(written);
    }

    public List<RunResult> results() {
        return List.copyOf(all);
    }
}
