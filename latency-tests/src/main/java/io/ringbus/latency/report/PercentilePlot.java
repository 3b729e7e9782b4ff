package io.ringbus.latency.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency by percentile, one series per implementation, the way HdrHistogram plots it: the x axis is
 * 1/(1-p) on a log scale, so 90 %, 99 %, 99.9 % ... sit one decade apart and the tail gets the room. The
 * y axis is log scale in nanoseconds with labels at 1-2-5 steps (50 ns, 100 ns, 200 ns, 500 ns, 1 µs ...),
 * so the sub-microsecond medians are as readable as the millisecond tail.
 */
public final class PercentilePlot {
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentilePlot() {
    }

    /** Writes a PNG of one merged histogram (in nanoseconds) per implementation. */
    static void write(Path png, Caption caption, Map<String, Histogram> byImpl) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(600)
                .xAxisTitle("percentile").yAxisTitle("latency (log scale)").build();
        style(chart.getStyler());
        double low = Double.MAX_VALUE;
        double high = 1;
        for (Map.Entry<String, Histogram> e : byImpl.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistogramIterationValue v : e.getValue().percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                if (p >= 1.0) {
                    break;
                }
                x.add(1.0 / (1.0 - p));
                y.add((double) Math.max(1, v.getValueIteratedTo()));
            }
            if (x.isEmpty()) {
                continue;
            }
            low = Math.min(low, y.get(0));
            high = Math.max(high, e.getValue().getMaxValue());
            XYSeries s = chart.addSeries(legend(e.getKey(), e.getValue()), x, y);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineColor(Palette.colour(e.getKey()));
            s.setLineWidth(Palette.lineWidth(e.getKey()));
        }
        if (low <= high) {
            // Bounds on the 1-2-5 grid, so the lowest and highest gridlines carry a label.
            chart.getStyler().setYAxisMin(stepBelow(low));
            chart.getStyler().setYAxisMax(stepAbove(high));
        }
        ChartFrame.write(png, caption.title(), caption.lines(), BitmapEncoder.getBufferedImage(chart));
    }

    private static void style(XYStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setXAxisLogarithmic(true);
        s.setYAxisLogarithmic(true);
        s.setYAxisLogarithmicDecadeOnly(false);
        s.setXAxisTickLabelsFormattingFunction(PercentilePlot::percentileLabel);
        s.setYAxisTickLabelsFormattingFunction(PercentilePlot::latencyLabel);
        // Curves rise to the right, so the bottom right is the corner they leave empty.
        s.setLegendPosition(Styler.LegendPosition.InsideSE);
        s.setLegendBorderColor(new Color(0xC8C8C8));
    }

    /** "ringbus-single  merged reps: p50 312 ns, max 12.1 ms": the max is the worst repetition's max. */
    static String legend(String impl, Histogram h) {
        return String.format(Locale.ROOT, "%s  merged reps: p50 %s, max %s", impl,
                duration(h.getValueAtPercentile(50)), duration(h.getMaxValue()));
    }

    /** 1/(1-p) back to a percentile label: 1 -> 0%, 10 -> 90%, 1000 -> 99.9%. */
    static String percentileLabel(double x) {
        if (x < 1) {
            return "";
        }
        double p = 100.0 * (1.0 - 1.0 / x);
        String s = String.format(Locale.ROOT, "%.6f", p).replaceAll("0+$", "").replaceAll("\\.$", "");
        return s + "%";
    }

    /** Labels the 1, 2 and 5 of every decade; XChart asks for 1..9, the rest stay unlabelled gridlines. */
    static String latencyLabel(double nanos) {
        if (nanos <= 0) {
            return "";
        }
        double decade = Math.pow(10, Math.floor(Math.log10(nanos) + 1e-9));
        long mantissa = Math.round(nanos / decade);
        boolean step = Math.abs(nanos / decade - mantissa) < 1e-6 && (mantissa == 1 || mantissa == 2 || mantissa == 5);
        return step ? duration(nanos) : "";
    }

    /** 50 ns, 500 ns, 1 µs, 2.5 µs, 200 µs, 1 ms, 12 ms, 1.5 s. */
    static String duration(double nanos) {
        if (nanos < 1_000) {
            return trim(nanos) + " ns";
        } else if (nanos < 1_000_000) {
            return trim(nanos / 1_000) + " µs";
        } else if (nanos < 1_000_000_000) {
            return trim(nanos / 1_000_000) + " ms";
        }
        return trim(nanos / 1_000_000_000) + " s";
    }

    private static String trim(double v) {
        String f = v < 10 ? "%.2f" : v < 100 ? "%.1f" : "%.0f";
        return String.format(Locale.ROOT, f, v).replaceAll("\\.0+$", "").replaceAll("(\\.\\d*?)0+$", "$1");
    }

    /** The largest 1, 2 or 5 times a power of ten at or below v. */
    static double stepBelow(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / decade;
        return decade * (m >= 5 ? 5 : m >= 2 ? 2 : 1);
    }

    /** The smallest 1, 2 or 5 times a power of ten at or above v. */
    static double stepAbove(double v) {
        double decade = Math.pow(10, Math.floor(Math.log10(v)));
        double m = v / decade;
        return decade * (m <= 1 + 1e-9 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10);
    }
}
