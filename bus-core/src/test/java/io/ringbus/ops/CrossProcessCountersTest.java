package io.ringbus.ops;

import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;
import io.ringbus.WorkHandler;
import io.ringbus.WorkerPoolSpec;
import io.ringbus.stat.CountersReader;
import io.ringbus.stat.CountersSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another JVM reads the counters of a running bus, and sees a killed bus's file go stale. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CrossProcessCountersTest {
    private static final long CHILD_BOUND_SECONDS = 30;

    @TempDir
    Path dir;

    @Test
    void aSecondJvmReadsTheCountersOfARunningBus() throws Exception {
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("observed").capacity(64)
                .counters(dir).countersInterval(Duration.ofMillis(10)).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("parse"))
                .thenWorkerPool(WorkerPoolSpec.<long[]>of(2, () -> new WorkHandler<long[]>() {
                    @Override
                    public void onEvent(long[] e, long s) {
                        e[0]++;
                    }
                }).named("match"));
        bus.start();
        try {
            Publisher<long[]> p = bus.publisher();
            for (int i = 0; i < 500; i++) {
                p.publishEvent((e, s, v) -> e[0] = v, (long) i);
            }
            while (bus.stats().stream().anyMatch(s -> s.sequence() < 499)) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            awaitFileMatches(bus);

            List<String> out = runJava(CountersProbe.class.getName(), bus.countersFile().toString());
            List<StageStats> stats = bus.stats();
            assertEquals("bus observed pid " + ProcessHandle.current().pid() + " state RUNNING stale false", out.get(0));
            assertEquals("producer 499 0", out.get(1));
            List<String> expected = new ArrayList<>();
            for (StageStats s : stats) {
                expected.add("stage " + s.name() + " " + s.kind() + " " + s.sequence() + " " + s.events() + " "
                        + s.batches() + " " + s.failures() + " " + Math.max(1, s.workerEvents().size()));
            }
            assertEquals(expected, out.subList(2, out.size()));
        } finally {
            bus.close(10, TimeUnit.SECONDS);
        }
        try (CountersReader reader = CountersReader.open(dir.resolve("observed.counters"))) {
            CountersSnapshot closed = reader.read();
            assertEquals(CountersSnapshot.State.CLOSED, closed.state());
            assertFalse(closed.stale());
        }
    }

    @Test
    void theFileOfAKilledProcessReadsAsStale() throws Exception {
        Process child = start(CountersWriterMain.class.getName(), dir.toString());
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", lines.readLine(), "the writer JVM did not get ready");
            Path file = dir.resolve("doomed.counters");
            try (CountersReader reader = CountersReader.open(file)) {
                reader.staleAfter(Duration.ofMillis(300));
                CountersSnapshot live = reader.read();
                assertEquals(CountersSnapshot.State.RUNNING, live.state());
                assertFalse(live.stale(), live.toString());
                assertEquals(child.pid(), live.pid());
                assertEquals(9, live.stages().get(0).sequence());

                child.destroyForcibly();
                assertTrue(child.waitFor(CHILD_BOUND_SECONDS, TimeUnit.SECONDS), "the writer JVM did not die");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                CountersSnapshot dead = reader.read();
                while (!dead.stale() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    dead = reader.read();
                }
                assertTrue(dead.stale(), "a killed writer's file must read as stale: " + dead);
                assertEquals(CountersSnapshot.State.RUNNING, dead.state(), "no clean close was recorded");
            }
        } finally {
            child.destroyForcibly();
        }
    }

    /** The bus is quiet: wait until the monitor's updates caught up with it, so the child reads what stats() says. */
    private static void awaitFileMatches(RingBus<long[]> bus) throws Exception {
        try (CountersReader reader = CountersReader.open(bus.countersFile())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!CountersFileTest.values(reader.read()).equals(CountersFileTest.values(bus.stats()))
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }

    private static Process start(String mainClass, String arg) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), mainClass, arg)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static List<String> runJava(String mainClass, String arg) throws Exception {
        Process child = start(mainClass, arg);
        try {
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                }
            }
            assertTrue(child.waitFor(CHILD_BOUND_SECONDS, TimeUnit.SECONDS), "the reader JVM did not exit");
            assertEquals(0, child.exitValue(), "reader JVM failed: " + out);
            return out;
        } finally {
            child.destroyForcibly();
        }
    }
}
