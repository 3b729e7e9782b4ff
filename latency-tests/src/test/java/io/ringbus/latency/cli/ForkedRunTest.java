package io.ringbus.latency.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole path once, tiny: parent plans, forks child JVMs, reads their results, writes every file. */
class ForkedRunTest {

    @Test
    void forkedCampaignWritesTablesCsvHistogramsAndPlot(@TempDir Path dir) throws Exception {
        CommandLineTest.Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> CommandLineTest.run(
                "--scenario", "tp-1p1c,lat-pingpong", "--impl", "jctools-spsc,agrona-m2m", "--wait", "yield",
                "--reps", "1", "--warmup", "0", "--events", "10K", "--duration", "50ms", "--capacity", "256",
                "--jvm-args=-Xmx256m -Dringbus.harness.test=1", "--output-dir", dir.toString()));
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("=== tp-1p1c"), o.out());
        assertTrue(o.out().contains("=== lat-pingpong"), o.out());
        for (String f : List.of("results.csv", "results.json", "summary.txt", "context.txt", "lat-pingpong-yield.png",
                "tp-1p1c-yield.png", "lat-pingpong-yield-jctools-spsc.hgrm", "runs/lat-pingpong-yield-jctools-spsc-rep1.hlog")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing; have " + listing(dir));
        }
        String context = Files.readString(dir.resolve("context.txt"));
        assertTrue(context.matches("(?s).*forks .*-Djava.awt.headless=true.* -Xmx256m -Dringbus\\.harness\\.test=1\n.*"),
                context);
        assertTrue(context.matches("(?s).*ringbus  \\S+, git \\S+\n.*"), context);
        String summary = Files.readString(dir.resolve("summary.txt"));
        assertEquals(1, occurrences(summary, "ringbus harness, "), summary);
        assertTrue(summary.contains("=== lat-pingpong"), summary);
        List<String> csv = Files.readAllLines(dir.resolve("results.csv"));
        assertEquals(1 + 4, csv.size(), String.join("\n", csv));
    }

    static int occurrences(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    private static List<String> listing(Path dir) throws Exception {
        try (var s = Files.walk(dir)) {
            return s.map(p -> dir.relativize(p).toString()).toList();
        }
    }
}
