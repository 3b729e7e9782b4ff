package io.ringbus.latency.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * A chart with its context on top: a title, then the lines that make a PNG pasted anywhere readable on
 * its own (settings, machine, version, how the figures were aggregated). XChart has no subtitle.
 */
final class ChartFrame {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    private static final Font SUBTITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    private static final int MARGIN = 14;

    private ChartFrame() {
    }

    static void write(Path png, String title, List<String> subtitle, BufferedImage chart) throws IOException {
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        int titleHeight = pg.getFontMetrics(TITLE).getHeight();
        int lineHeight = pg.getFontMetrics(SUBTITLE).getHeight();
        pg.dispose();
        int header = MARGIN + titleHeight + subtitle.size() * lineHeight + MARGIN / 2;
        BufferedImage out = new BufferedImage(chart.getWidth(), header + chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, out.getWidth(), header);
            g.setColor(new Color(0x202020));
            g.setFont(TITLE);
            FontMetrics tm = g.getFontMetrics();
            int y = MARGIN + tm.getAscent();
            g.drawString(title, MARGIN, y);
            g.setFont(SUBTITLE);
            g.setColor(new Color(0x505050));
            y += tm.getDescent();
            for (String line : subtitle) {
                y += lineHeight;
                g.drawString(line, MARGIN, y - g.getFontMetrics().getDescent());
            }
            g.drawImage(chart, 0, header, null);
        } finally {
            g.dispose();
        }
        Files.createDirectories(png.toAbsolutePath().getParent());
        if (!ImageIO.write(out, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }
}
