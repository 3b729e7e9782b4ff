package io.ringbus.latency.stat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.stat.CountersReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** ringbus-stat prints one row per stage of a running bus, as text or JSON; bad input gets one line. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class StatCommandTest {
    record Outcome(int code, String out, String err) {
    }

    @TempDir
    Path dir;
    private RingBus<long[]> bus;

    @BeforeEach
    void runningBus() throws Exception {
        bus = RingBus.builder(() -> new long[1]).name("desk").capacity(64).counters(dir)
                .countersInterval(Duration.ofMillis(10)).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("risk"))
                .then(StageSpec.<long[]>of((e, s, end) -> { }).named("matcher"));
        bus.start();
        for (int i = 0; i < 42; i++) {
            bus.publisher().publishEvent((e, s, v) -> e[0] = v, (long) i);
        }
        try (CountersReader r = CountersReader.open(bus.countersFile())) {
            while (r.read().stages().stream().anyMatch(s -> s.sequence() < 41)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
            }
        }
    }

    @AfterEach
    void closeBus() {
        bus.close(10, TimeUnit.SECONDS);
    }

    @Test
    void onceprintsOneRowPerStage() {
        Outcome o = run("--once", bus.countersFile().toString());
        assertEquals(0, o.code(), o.err());
        List<String> lines = o.out().lines().toList();
        assertEquals(5, lines.size(), o.out());
        assertTrue(lines.get(0).startsWith("desk  pid " + ProcessHandle.current().pid() + "  RUNNING  heartbeat "), o.out());
        assertTrue(lines.get(1).startsWith("producer  claimed 41  full-ring 0"), o.out());
        assertTrue(lines.get(2).startsWith("stage"), o.out());
        assertEquals(List.of("risk", "broadcast", "41", "0", "0", "42"), List.of(lines.get(3).split(" +")).subList(0, 6));
        assertEquals(List.of("matcher", "broadcast", "41", "0", "0", "42"), List.of(lines.get(4).split(" +")).subList(0, 6));
    }

    @Test
    void aDirectoryAndRefreshesPrintEveryFileEachTime() {
        Outcome o = run("--count", "2", "--interval", "200", dir.toString());
        assertEquals(0, o.code(), o.err());
        assertEquals(2, o.out().lines().filter(l -> l.startsWith("desk  pid")).count(), o.out());
        String lastRisk = o.out().lines().filter(l -> l.startsWith("risk")).reduce((a, b) -> b).orElseThrow();
        assertEquals("0", lastRisk.split(" +")[6], "no events in the last 200 ms: a rate of 0, not '-': " + lastRisk);
    }

    @Test
    void jsonIsOneObjectPerLine() {
        Outcome o = run("--once", "--json", bus.countersFile().toString());
        assertEquals(0, o.code(), o.err());
        String line = o.out().strip();
        assertFalse(line.contains("\n"));
        assertTrue(line.startsWith("{\"bus\":\"desk\",\"pid\":" + ProcessHandle.current().pid()
                + ",\"state\":\"RUNNING\",\"stale\":false,"), line);
        assertTrue(line.contains("\"producer\":{\"claimed\":41,"), line);
        assertTrue(line.contains("{\"name\":\"risk\",\"kind\":\"broadcast\",\"sequence\":41,\"lag\":0,\"backlog\":0,"
                + "\"events\":42,"), line);
        assertTrue(line.endsWith("]}"), line);
    }

    @Test
    void helpListsTheOptionsAndExitCodes() {
        Outcome o = run("--help");
        assertEquals(0, o.code());
        for (String s : List.of("--once", "--json", "--interval", "--count", "bad usage")) {
            assertTrue(o.out().contains(s), s + " missing from:\n" + o.out());
        }
    }

    @Test
    void badUsageExitsWith2AndNamesTheOption() {
        Outcome interval = run("--interval", "5", dir.toString());
        assertEquals(2, interval.code());
        assertTrue(interval.err().startsWith("ringbus-stat: --interval must be in [10, 3600000] ms: 5"), interval.err());
        Outcome count = run("--count", "0", dir.toString());
        assertEquals(2, count.code());
        assertTrue(count.err().contains("--count must be at least 1: 0"), count.err());
        Outcome unknown = run("--fast", dir.toString());
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("Unknown option: '--fast'"), unknown.err());
        assertEquals(2, run().code(), "a file is required");
    }

    @Test
    void missingTruncatedAndForeignFilesGetOneLineAndExit1() throws Exception {
        Path missing = dir.resolve("gone.counters");
        Path foreign = Files.writeString(dir.resolve("notes.txt"), "hello ".repeat(100));
        byte[] bytes = Files.readAllBytes(bus.countersFile());
        Path truncated = Files.write(dir.resolve("cut.bin"), java.util.Arrays.copyOf(bytes, 300));
        for (Path p : List.of(missing, foreign, truncated)) {
            Outcome o = run("--once", p.toString());
            assertEquals(1, o.code(), o.out() + o.err());
            assertEquals(1, o.err().lines().count(), "one line: " + o.err());
            assertTrue(o.err().startsWith("ringbus-stat: " + p + ": "), o.err());
            assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), o.err());
        }
        assertTrue(run("--once", missing.toString()).err().contains("no such file"));
        assertTrue(run("--once", foreign.toString()).err().contains("not a ringbus counters file"));
        assertTrue(run("--once", truncated.toString()).err().contains("truncated: 300 bytes"));
    }

    private static Outcome run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = StatMain.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Outcome(code, out.toString(), err.toString());
    }
}
