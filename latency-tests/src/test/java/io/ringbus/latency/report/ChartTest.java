package io.ringbus.latency.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.machine.MachineInfo;
import io.ringbus.latency.machine.Provenance;
import io.ringbus.latency.scenario.Case;
import io.ringbus.latency.scenario.Scenarios;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The charts: labelled sub-microsecond ticks, one colour per implementation, context above, bars with whiskers. */
class ChartTest {
    static final List<String> IMPLS = List.of("volatile", "ringbus-single", "ringbus-multi", "disruptor-single",
            "disruptor-multi", "agrona-o2o", "agrona-m2o", "agrona-m2m", "jctools-spsc", "jctools-mpsc",
            "jctools-spmc", "jctools-mpmc", "abq");
    static final Caption CAPTION = Caption.of(new Case(Scenarios.byName("lat-pingpong"), WaitMode.SPIN,
            List.of("ringbus-single"), PercentileOutputTest.spec("", 0), 5),
            new MachineInfo("OpenJDK 17", "Xeon", 2, "Linux"), new Provenance("0.1.0", "abc1234"), "how merged");

    @Test
    void latencyTicksAreLabelledAtOneTwoFiveBelowAndAboveAMicrosecond() {
        assertEquals("50 ns", PercentilePlot.latencyLabel(50));
        assertEquals("100 ns", PercentilePlot.latencyLabel(100));
        assertEquals("200 ns", PercentilePlot.latencyLabel(200));
        assertEquals("500 ns", PercentilePlot.latencyLabel(500));
        assertEquals("1 µs", PercentilePlot.latencyLabel(1_000));
        assertEquals("2 µs", PercentilePlot.latencyLabel(2_000.0000000001));
        assertEquals("1 ms", PercentilePlot.latencyLabel(1_000_000));
        assertEquals("", PercentilePlot.latencyLabel(300));
        assertEquals("", PercentilePlot.latencyLabel(7_000));
        assertEquals(200, PercentilePlot.stepBelow(280), 1e-9);
        assertEquals(500, PercentilePlot.stepBelow(700), 1e-9);
        assertEquals(20_000_000, PercentilePlot.stepAbove(12_003_000), 1e-6);
        assertEquals(1_000, PercentilePlot.stepAbove(1_000), 1e-9);
    }

    @Test
    void everyImplementationHasItsOwnFixedColour() {
        Set<Color> seen = new HashSet<>();
        for (String impl : IMPLS) {
            assertTrue(seen.add(Palette.colour(impl)), impl + " shares a colour");
            assertEquals(Palette.colour(impl), Palette.colour(new String(impl)));
        }
        assertEquals(Palette.colour("future-queue"), Palette.colour("future-queue"));
        assertTrue(Palette.lineWidth("ringbus-single") > Palette.lineWidth("disruptor-single"));
    }

    @Test
    void legendSaysTheMaxIsMerged() {
        assertEquals("ringbus-single  merged reps: p50 5 µs, max 10 µs",
                PercentilePlot.legend("ringbus-single", PercentileOutputTest.uniform()));
    }

    @Test
    void latencyPlotDrawsEachSeriesInItsColourUnderItsContext(@TempDir Path dir) throws Exception {
        Map<String, Histogram> byImpl = new LinkedHashMap<>();
        byImpl.put("disruptor-single", PercentileOutputTest.result("x", 1, 1).total("rtt"));
        byImpl.put("ringbus-single", PercentileOutputTest.result("x", 1, 3).total("rtt"));
        Path png = dir.resolve("lat.png");
        PercentilePlot.write(png, CAPTION, byImpl);
        BufferedImage img = ImageIO.read(png.toFile());
        assertTrue(img.getHeight() > 600, "a header above the 600 px chart: " + img.getHeight());
        assertTrue(pixels(img, Palette.colour("ringbus-single")) > 100);
        assertTrue(pixels(img, Palette.colour("disruptor-single")) > 100);
        assertEquals(0, pixels(img, Palette.colour("jctools-spsc")));
    }

    @Test
    void throughputBarsCarryTheRatioAndTheirColours(@TempDir Path dir) throws Exception {
        Stats reference = new Stats(20e6, 17e6, 44e6, 5);
        Stats ringbus = new Stats(13.8e6, 10.6e6, 18.8e6, 5);
        assertEquals("ringbus-single 13.80 (0.69x)", ThroughputPlot.label("ringbus-single", ringbus, reference));
        assertEquals("ringbus-single 13.80", ThroughputPlot.label("ringbus-single", ringbus, null));
        assertEquals(70, ThroughputPlot.ceilToHalfDecade(67.6), 1e-9);
        assertEquals(50, ThroughputPlot.ceilToHalfDecade(50), 1e-9);
        assertEquals(15, ThroughputPlot.ceilToHalfDecade(12), 1e-9);
        Map<String, Stats> byImpl = new LinkedHashMap<>();
        byImpl.put("ringbus-single", ringbus);
        byImpl.put("disruptor-single", reference);
        byImpl.put("abq", new Stats(Double.NaN, Double.NaN, Double.NaN, 0));
        Path png = dir.resolve("tp.png");
        ThroughputPlot.write(png, CAPTION, byImpl, "disruptor-single");
        BufferedImage img = ImageIO.read(png.toFile());
        int red = pixels(img, Palette.colour("ringbus-single"));
        int blue = pixels(img, Palette.colour("disruptor-single"));
        assertTrue(red > 10_000 && blue > red, red + " ringbus pixels, " + blue + " disruptor pixels");
        assertEquals(0, pixels(img, Palette.colour("abq")), "no bar for an implementation with no passing run");
        assertNotEquals(0, pixels(img, new Color(0x202020)), "whiskers");
    }

    static int pixels(BufferedImage img, Color c) {
        int n = 0;
        int rgb = c.getRGB() & 0xFFFFFF;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
