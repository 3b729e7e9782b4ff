package io.ringbus.latency.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Latency by percentile, one series per implementation, the way HdrHistogram plots it: the x axis is
 * 1/(1-p) on a log scale, so 90 %, 99 %, 99.9 % ... sit one decade apart and the tail gets the room.
 */
public final class PercentilePlot {
    private static final int TICKS_PER_HALF_DISTANCE = 5;

    private PercentilePlot() {
    }

    /** Writes a PNG; histograms are in nanoseconds, the plot in microseconds. */
    public static void write(Path png, String title, Map<String, Histogram> byImpl) throws IOException {
        System.setProperty("java.awt.headless", "true");
        XYChart chart = new XYChartBuilder().width(1000).height(600).title(title)
                .xAxisTitle("percentile").yAxisTitle("latency (us, log scale)").build();
        Styler styler = chart.getStyler();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setXAxisTickLabelsFormattingFunction(PercentilePlot::percentileLabel);
        styler.setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setYAxisDecimalPattern("#,##0.###");
        for (Map.Entry<String, Histogram> e : byImpl.entrySet()) {
            List<Double> x = new ArrayList<>();
            List<Double> y = new ArrayList<>();
            for (HistogramIterationValue v : e.getValue().percentiles(TICKS_PER_HALF_DISTANCE)) {
                double p = v.getPercentileLevelIteratedTo() / 100.0;
                if (p >= 1.0) {
                    break;
                }
                x.add(1.0 / (1.0 - p));
                y.add(Math.max(0.001, v.getValueIteratedTo() / 1000.0));
            }
            if (!x.isEmpty()) {
                chart.addSeries(e.getKey(), x, y).setMarker(SeriesMarkers.NONE);
            }
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(BitmapEncoder.getBufferedImage(chart), "png", png.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
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
}
