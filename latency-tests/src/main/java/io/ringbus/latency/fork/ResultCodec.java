package io.ringbus.latency.fork;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.report.HistogramFiles;
import io.ringbus.latency.scenario.LatencyRecorder;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.HdrHistogram.Histogram;

/**
 * The result a child hands to its parent: a properties file of plain values, and the histograms as an
 * HdrHistogram interval log (.hlog) beside it. Both are human-readable and outlive the run.
 */
public final class ResultCodec {
    private static final String NOTE_SEPARATOR = " | ";

    private ResultCodec() {
    }

    /** The .hlog that goes with a result file. */
    public static Path hlogFor(Path resultFile) {
        String name = resultFile.getFileName().toString().replaceFirst("\\.properties$", "");
        return resultFile.resolveSibling(name + ".hlog");
    }

    public static void write(RunResult r, Path file) throws IOException {
        RunSpec s = r.spec();
        Properties p = new Properties();
        p.setProperty("scenario", s.scenario());
        p.setProperty("impl", s.impl());
        p.setProperty("wait", s.waitMode().label());
        p.setProperty("capacity", Integer.toString(s.capacity()));
        p.setProperty("events", Long.toString(s.events()));
        p.setProperty("rate", Long.toString(s.rate()));
        p.setProperty("durationNanos", Long.toString(s.durationNanos()));
        p.setProperty("warmupNanos", Long.toString(s.warmupNanos()));
        p.setProperty("burst", Integer.toString(s.burst()));
        p.setProperty("rep", Integer.toString(s.rep()));
        p.setProperty("stallMillis", Long.toString(s.stallMillis()));
        p.setProperty("status", r.status().name());
        p.setProperty("notes", String.join(NOTE_SEPARATOR, r.notes()));
        p.setProperty("opsPerSecond", Double.toString(r.opsPerSecond()));
        p.setProperty("idleCpuPercent", Double.toString(r.idleCpuPercent()));
        p.setProperty("achievedRate", Double.toString(r.achievedRate()));
        p.setProperty("count", Long.toString(r.count()));
        p.setProperty("otherCores", Double.toString(r.otherCores()));
        p.setProperty("selfCores", Double.toString(r.selfCores()));
        p.setProperty("wallSeconds", Double.toString(r.wallSeconds()));
        if (!r.histograms().isEmpty()) {
            HistogramFiles.writeLog(hlogFor(file), r.histograms(), s.key() + " rep " + s.rep());
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file)) {
            p.store(w, "ringbus harness result");
        }
    }

    public static RunResult read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        RunSpec spec = new RunSpec(p.getProperty("scenario"), p.getProperty("impl"),
                WaitMode.parse(p.getProperty("wait")), integer(p, "capacity"), number(p, "events"),
                number(p, "rate"), number(p, "durationNanos"), number(p, "warmupNanos"), integer(p, "burst"),
                integer(p, "rep"), number(p, "stallMillis"));
        String notes = p.getProperty("notes", "");
        List<String> noteList = notes.isEmpty() ? List.of() : Arrays.asList(notes.split(" \\| "));
        Path hlog = hlogFor(file);
        Map<String, List<Histogram>> histograms = Files.isRegularFile(hlog) ? merged(HistogramFiles.readLog(hlog))
                : Map.of();
        return new RunResult(spec, RunResult.Status.valueOf(p.getProperty("status")), noteList,
                real(p, "opsPerSecond"), real(p, "idleCpuPercent"), real(p, "achievedRate"), number(p, "count"),
                real(p, "otherCores"), real(p, "selfCores"), real(p, "wallSeconds"), histograms);
    }

    /**
     * The parent reports totals only, so it keeps one merged histogram per name instead of every interval:
     * its memory grows with the number of runs, not with their duration. The intervals stay in the .hlog.
     */
    private static Map<String, List<Histogram>> merged(Map<String, List<Histogram>> intervals) {
        Map<String, List<Histogram>> out = new LinkedHashMap<>();
        intervals.forEach((name, list) -> out.put(name, List.of(LatencyRecorder.total(list))));
        return out;
    }

    private static int integer(Properties p, String key) {
        return Integer.parseInt(p.getProperty(key));
    }

    private static long number(Properties p, String key) {
        return Long.parseLong(p.getProperty(key));
    }

    private static double real(Properties p, String key) {
        return Double.parseDouble(p.getProperty(key));
    }
}
