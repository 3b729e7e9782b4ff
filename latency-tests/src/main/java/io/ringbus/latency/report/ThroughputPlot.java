package io.ringbus.latency.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.CategoryStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Throughput as bars: the median of the repetitions, a min..max whisker, and the ratio of the medians to
 * the reference implementation under each bar. XChart's error bars are symmetric, so the whiskers are a
 * separate marker-less series centred on the middle of each range.
 */
final class ThroughputPlot {
    private ThroughputPlot() {
    }

    /** @param byImpl the passing repetitions' messages per second, per implementation, in table order */
    static void write(Path png, Caption caption, Map<String, Stats> byImpl, String reference) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<String> impls = new ArrayList<>();
        byImpl.forEach((impl, s) -> {
            if (!s.empty()) {
                impls.add(impl);
            }
        });
        if (impls.isEmpty()) {
            return;
        }
        CategoryChart chart = new CategoryChartBuilder().width(Math.max(1000, 150 * impls.size())).height(600)
                .yAxisTitle("million messages per second").build();
        style(chart.getStyler(), impls.size());
        Stats ref = reference == null ? null : byImpl.get(reference);
        List<String> labels = new ArrayList<>();
        for (String impl : impls) {
            labels.add(label(impl, byImpl.get(impl), ref));
        }
        double top = impls.stream().mapToDouble(i -> byImpl.get(i).max()).max().orElse(1) / 1e6;
        chart.getStyler().setYAxisMax(ceilToHalfDecade(top));
        List<Double> middles = new ArrayList<>();
        List<Double> halfRanges = new ArrayList<>();
        for (int i = 0; i < impls.size(); i++) {
            Stats s = byImpl.get(impls.get(i));
            List<Double> bar = new ArrayList<>();
            for (int j = 0; j < impls.size(); j++) {
                bar.add(i == j ? s.median() / 1e6 : null);
            }
            CategorySeries series = chart.addSeries(impls.get(i), labels, bar);
            series.setFillColor(Palette.colour(impls.get(i)));
            middles.add((s.min() + s.max()) / 2e6);
            halfRanges.add((s.max() - s.min()) / 2e6);
        }
        CategorySeries whiskers = chart.addSeries("min..max", labels, middles, halfRanges);
        whiskers.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
        whiskers.setMarker(SeriesMarkers.NONE);
        whiskers.setShowInLegend(false);
        ChartFrame.write(png, caption.title(), caption.lines(), BitmapEncoder.getBufferedImage(chart));
    }

    private static void style(CategoryStyler s, int bars) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setPlotGridLinesColor(new Color(0xE4E4E4));
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotGridVerticalLinesVisible(false);
        s.setOverlapped(true);
        s.setLegendVisible(false);
        s.setAvailableSpaceFill(0.7);
        s.setErrorBarsColor(new Color(0x202020));
        s.setErrorBarsColorSeriesColor(false);
        s.setYAxisMin(0.0);
        s.setYAxisDecimalPattern("#,##0.#");
        if (bars > 6) {
            s.setXAxisLabelRotation(20);
        }
    }

    /** Headroom over the longest whisker without wasting half the plot: 67.6 -> 70, 12 -> 15, 49.9 -> 50. */
    static double ceilToHalfDecade(double v) {
        double half = Math.pow(10, Math.floor(Math.log10(v))) / 2;
        return Math.ceil(v / half - 1e-9) * half;
    }

    /** "ringbus-single 13.8 (0.67x)": the name, the median in millions per second, the ratio of medians. */
    static String label(String impl, Stats s, Stats reference) {
        if (reference == null || reference.empty()) {
            return impl + " " + Format.mops(s.median());
        }
        return impl + " " + Format.mops(s.median()) + " (" + Format.ratio(s.median(), reference.median()) + ")";
    }
}
