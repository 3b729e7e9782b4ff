package io.ringbus.latency.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.LatencyRecorder;
import io.ringbus.latency.scenario.RunResult;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.Scenarios;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Percentiles in the tables, the .hgrm and .hlog files, and the plot's axis. */
class PercentileOutputTest {

    /** 1 .. 10000 ns, one each: the p-th percentile is about 100 * p ns. */
    static Histogram uniform() {
        Histogram h = new Histogram(LatencyRecorder.HIGHEST_NANOS, LatencyRecorder.SIGNIFICANT_DIGITS);
        for (int v = 1; v <= 10_000; v++) {
            h.recordValue(v);
        }
        return h;
    }

    @Test
    void percentilesAreP50ToP9999AndMax() {
        double[] v = Latencies.values(uniform());
        assertEquals(List.of("p50", "p90", "p99", "p99.9", "p99.99", "max"), Latencies.LABELS);
        assertArrayEquals(new double[] {5_000, 9_000, 9_900, 9_990, 9_999, 10_000}, v, 10);
    }

    @Test
    void hgrmHasPercentilesInMicroseconds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("x.hgrm");
        HistogramFiles.writeHgrm(f, uniform());
        String text = Files.readString(f);
        assertTrue(text.contains("Value     Percentile TotalCount 1/(1-Percentile)"), text);
        // 10000 ns recorded, written in microseconds (within the histogram's 3 significant digits)
        assertTrue(text.matches("(?s).*#\\[Max\\s+=\\s+10\\.0\\d\\d,.*"), text);
    }

    @Test
    void hlogRoundTripKeepsEveryIntervalAndTag(@TempDir Path dir) throws Exception {
        LatencyRecorder rec = new LatencyRecorder(3_000_000_000L, 1_000_000_000L);
        long now = System.nanoTime();
        rec.record(now, 100);
        rec.record(now + 1_500_000_000L, 200);
        rec.record(now + 2_500_000_000L, 300);
        List<Histogram> intervals = rec.finish();
        assertEquals(3, intervals.size());
        Path f = dir.resolve("x.hlog");
        HistogramFiles.writeLog(f, Map.of("rtt", intervals), "test");
        Map<String, List<Histogram>> back = HistogramFiles.readLog(f);
        assertEquals(3, back.get("rtt").size());
        assertEquals(300, LatencyRecorder.total(back.get("rtt")).getMaxValue(), 1);
    }

    @Test
    void recorderClampsInsteadOfThrowing() {
        LatencyRecorder rec = new LatencyRecorder(1_000_000_000L, 1_000_000_000L);
        rec.record(System.nanoTime(), -5);
        rec.record(System.nanoTime(), Long.MAX_VALUE);
        assertEquals(2, LatencyRecorder.total(rec.finish()).getTotalCount());
    }

    @Test
    void latencyTableShowsEveryPercentileAndTheRatio() {
        Case c = new Case(Scenarios.byName("lat-pingpong"), WaitMode.SPIN,
                List.of("disruptor-single", "ringbus-single"), spec("", 0), 2);
        List<RunResult> results = new ArrayList<>();
        for (int rep = 1; rep <= 2; rep++) {
            results.add(result("disruptor-single", rep, 1));
            results.add(result("ringbus-single", rep, 2));
        }
        String table = CaseTable.render(c, results);
        for (String label : Latencies.LABELS) {
            assertTrue(table.contains(label), table);
        }
        assertTrue(table.contains("p50 vs disruptor-single"), table);
        assertTrue(table.contains("2.00x"), table);
        assertTrue(table.contains("5.00"), table); // disruptor p50 of 5000 ns, in us
    }

    @Test
    void plotAxisLabelsArePercentiles() {
        assertEquals("0%", PercentilePlot.percentileLabel(1));
        assertEquals("90%", PercentilePlot.percentileLabel(10));
        assertEquals("99.9%", PercentilePlot.percentileLabel(1000));
    }


    static RunSpec spec(String impl, int rep) {
        return new RunSpec("lat-pingpong", impl, WaitMode.SPIN, 1024, 0, 100_000, 1_000_000_000L, 0, 100, rep, 1000);
    }

    static RunResult result(String impl, int rep, int scale) {
        Histogram h = new Histogram(LatencyRecorder.HIGHEST_NANOS, LatencyRecorder.SIGNIFICANT_DIGITS);
        for (int v = 1; v <= 10_000; v++) {
            h.recordValue((long) v * scale);
        }
        return new RunResult(spec(impl, rep), RunResult.Status.OK, List.of(), Double.NaN, Double.NaN, Double.NaN,
                10_000, 0.0, 1.0, 1.0, Map.of("rtt", List.of(h)));
    }
}
