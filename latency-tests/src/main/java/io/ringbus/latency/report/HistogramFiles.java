package io.ringbus.latency.report;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.HdrHistogram.HistogramLogWriter;

/**
 * HdrHistogram's own file formats: the .hlog interval log (one tagged histogram per interval, readable by
 * HistogramLogProcessor) and the .hgrm percentile distribution (readable by HdrHistogram's plotter).
 */
public final class HistogramFiles {
    /** .hgrm values are written in microseconds; recorded values are nanoseconds. */
    public static final double HGRM_SCALE_TO_MICROS = 1000.0;
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private HistogramFiles() {
    }

    /** Writes every named series of interval histograms into one log, tagged by name. */
    public static void writeLog(Path file, Map<String, List<Histogram>> byName, String comment) throws IOException {
        long start = Long.MAX_VALUE;
        for (List<Histogram> intervals : byName.values()) {
            for (Histogram h : intervals) {
                start = Math.min(start, h.getStartTimeStamp());
            }
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            HistogramLogWriter w = new HistogramLogWriter(ps);
            w.outputComment(comment + "; values in nanoseconds");
            w.outputLogFormatVersion();
            w.outputStartTime(start);
            w.setBaseTime(start);
            w.outputBaseTime(start);
            w.outputLegend();
            for (Map.Entry<String, List<Histogram>> e : byName.entrySet()) {
                for (Histogram h : e.getValue()) {
                    h.setTag(e.getKey());
                    w.outputIntervalHistogram(h);
                }
            }
        }
    }

    /** Reads a log written by {@link #writeLog}, back into named series. */
    public static Map<String, List<Histogram>> readLog(Path file) throws IOException {
        Map<String, List<Histogram>> out = new LinkedHashMap<>();
        HistogramLogReader reader;
        try {
            reader = new HistogramLogReader(file.toFile());
        } catch (FileNotFoundException e) {
            throw new IOException("no histogram log " + file, e);
        }
        try {
            EncodableHistogram e;
            while ((e = reader.nextIntervalHistogram()) != null) {
                String tag = e.getTag() == null ? "" : e.getTag();
                out.computeIfAbsent(tag, k -> new ArrayList<>()).add((Histogram) e);
            }
        } finally {
            reader.close();
        }
        return out;
    }

    /** The percentile distribution of one histogram, in microseconds. */
    public static void writeHgrm(Path file, Histogram h) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (PrintStream ps = new PrintStream(Files.newOutputStream(file), false, StandardCharsets.UTF_8)) {
            h.outputPercentileDistribution(ps, TICKS_PER_HALF_DISTANCE, HGRM_SCALE_TO_MICROS);
        }
    }
}
