package io.ringbus.latency.report;

import java.awt.Color;
import java.util.Map;

/**
 * One colour per implementation, the same in every chart, so a reader flipping between charts is never
 * misled. A family shares a hue (ringbus warm, the Disruptor blue, Agrona green, JCTools purple); ringbus
 * is drawn thicker, the volatile floor grey.
 */
public final class Palette {
    private static final Map<String, Color> COLOURS = Map.ofEntries(
            Map.entry("ringbus-single", new Color(0xD62728)),
            Map.entry("ringbus-multi", new Color(0xFF7F0E)),
            Map.entry("disruptor-single", new Color(0x1F77B4)),
            Map.entry("disruptor-multi", new Color(0x17BECF)),
            Map.entry("agrona-o2o", new Color(0x2CA02C)),
            Map.entry("agrona-m2o", new Color(0x8CB33A)),
            Map.entry("agrona-m2m", new Color(0x1B5E20)),
            Map.entry("jctools-spsc", new Color(0x9467BD)),
            Map.entry("jctools-mpsc", new Color(0x5E3C99)),
            Map.entry("jctools-spmc", new Color(0xC49CDE)),
            Map.entry("jctools-mpmc", new Color(0xE377C2)),
            Map.entry("abq", new Color(0x8C564B)),
            Map.entry("volatile", new Color(0x7F7F7F)));
    /** For a name not in the table (a new adapter): still stable, derived from the name. */
    private static final Color[] SPARE = {new Color(0xBCBD22), new Color(0x393B79), new Color(0x637939),
        new Color(0x843C39), new Color(0x7B4173)};

    private Palette() {
    }

    public static Color colour(String impl) {
        Color c = COLOURS.get(impl);
        return c != null ? c : SPARE[Math.floorMod(impl.hashCode(), SPARE.length)];
    }

    /** The implementation under test stands out; the peers are context. */
    public static float lineWidth(String impl) {
        return impl.startsWith("ringbus") ? 3.0f : 1.6f;
    }
}
