package io.ringbus.ops;

import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.StageStats;
import io.ringbus.stat.CountersFileException;
import io.ringbus.stat.CountersLayout;
import io.ringbus.stat.CountersReader;
import io.ringbus.stat.CountersSnapshot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The counters file: its layout as the reader sees it, its permissions, its states, and files it rejects. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class CountersFileTest {
    @TempDir
    Path dir;

    @Test
    void theFileMirrorsStatsIsOwnerOnlyAndEndsClosed() throws Exception {
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("mirror").capacity(32).counters(dir)
                .countersInterval(Duration.ofMillis(5)).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("one"))
                .then(StageSpec.<long[]>of((e, s, end) -> { }).named("two-\u00e9"));
        assertNull(bus.countersFile(), "no file before start");
        bus.start();
        Path file = bus.countersFile();
        assertEquals(dir.resolve("mirror.counters"), file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        for (int i = 0; i < 100; i++) {
            bus.publisher().publishEvent((e, s, v) -> e[0] = v, (long) i);
        }
        try (CountersReader reader = CountersReader.open(file)) {
            CountersSnapshot s = reader.read();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            // the bus goes quiet after event 99; the monitor's next update then matches stats() exactly
            while (!(values(s).equals(values(bus.stats())) && s.producer().claimed() == 99)
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
                s = reader.read();
            }
            assertEquals("mirror", s.bus());
            assertEquals(CountersSnapshot.State.RUNNING, s.state());
            assertFalse(s.stale());
            assertEquals(32, s.capacity());
            assertEquals(Duration.ofMillis(5), s.interval());
            List<StageStats> stats = bus.stats();
            for (int i = 0; i < stats.size(); i++) {
                StageStats in = stats.get(i);
                CountersSnapshot.Stage out = s.stages().get(i);
                assertEquals(List.of(in.name(), in.kind()), List.of(out.name(), out.kind()));
                assertArrayEquals(new long[] {in.sequence(), in.lag(), in.backlog(), in.events(), in.batches(),
                        in.maxBatch(), in.wakeUps(), in.failures(), in.skipped()}, new long[] {out.sequence(),
                        out.lag(), out.backlog(), out.events(), out.batches(), out.maxBatch(), out.wakeUps(),
                        out.failures(), out.skipped()}, in.name());
            }
            assertEquals(99, s.producer().claimed());
        }
        bus.close(10, TimeUnit.SECONDS);
        try (CountersReader reader = CountersReader.open(file)) {
            CountersSnapshot closed = reader.read();
            assertEquals(CountersSnapshot.State.CLOSED, closed.state());
            assertFalse(closed.stale(), "a closed bus is not stale, however old its heartbeat");
        }
        assertEquals(List.of(), io.ringbus.testkit.Threads.awaitNoneAlive("mirror-", 5000), "monitor thread left");
    }

    @Test
    void aDirectoryThatDoesNotExistFailsTheStartByName() {
        Path missing = dir.resolve("missing");
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("nodir").capacity(8).counters(missing).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("only"));
        IllegalStateException e = assertThrows(IllegalStateException.class, bus::start);
        assertTrue(e.getMessage().startsWith("start(): cannot create the counters file in " + missing + ": "),
                e.getMessage());
        assertFalse(bus.isStopped(), "the bus stays new");
        assertEquals(List.of(), io.ringbus.testkit.Threads.alive("nodir-"), "no stage thread was started");
        bus.close(10, TimeUnit.SECONDS);
    }

    @Test
    void aRunningStateWithAnOldHeartbeatIsStale() throws Exception {
        Path file = closedFile("crashed");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) { // as a crash leaves it
            ch.write(le(4).putInt(0, CountersLayout.STATE_RUNNING), CountersLayout.STATE);
            ch.write(le(8).putLong(0, System.currentTimeMillis() - 60_000), CountersLayout.HEARTBEAT_MILLIS);
        }
        try (CountersReader reader = CountersReader.open(file)) {
            CountersSnapshot s = reader.read();
            assertEquals(CountersSnapshot.State.RUNNING, s.state());
            assertTrue(s.stale(), s.toString());
        }
    }

    @Test
    void missingEmptyTruncatedForeignAndNewerFilesAreRejectedClearly() throws Exception {
        assertThrows(NoSuchFileException.class, () -> CountersReader.open(dir.resolve("absent.counters")));

        Path empty = Files.createFile(dir.resolve("empty.counters"));
        assertMessage(empty, "empty, not a ringbus counters file");

        Path foreign = Files.writeString(dir.resolve("foreign.counters"), "x".repeat(400));
        assertMessage(foreign, "not a ringbus counters file (no RINGBUSC magic)");

        Path good = closedFile("cut");
        byte[] bytes = Files.readAllBytes(good);
        Path truncated = Files.write(dir.resolve("truncated.counters"), java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertMessage(truncated, "truncated: " + (bytes.length - 1) + " bytes, 1 stage(s) need " + bytes.length);
        Path shortHeader = Files.write(dir.resolve("short.counters"), java.util.Arrays.copyOf(bytes, 100));
        assertMessage(shortHeader, "truncated or not a ringbus counters file: 100 bytes, the header alone is 256");

        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(CountersLayout.LAYOUT_VERSION, 99);
        Path newer = Files.write(dir.resolve("newer.counters"), bytes);
        assertMessage(newer, "counters layout version 99; this reader reads version 1");
    }

    /** The values both sides have, stage by stage. */
    static List<List<Object>> values(Object statsOrSnapshot) {
        if (statsOrSnapshot instanceof CountersSnapshot) {
            return ((CountersSnapshot) statsOrSnapshot).stages().stream().map(s -> List.<Object>of(s.name(), s.kind(),
                    s.sequence(), s.lag(), s.backlog(), s.events(), s.batches(), s.maxBatch(), s.wakeUps(),
                    s.failures(), s.skipped(), s.abortsSeen(), s.stalls())).toList();
        }
        @SuppressWarnings("unchecked")
        List<StageStats> stats = (List<StageStats>) statsOrSnapshot;
        return stats.stream().map(s -> List.<Object>of(s.name(), s.kind(), s.sequence(), s.lag(), s.backlog(),
                s.events(), s.batches(), s.maxBatch(), s.wakeUps(), s.failures(), s.skipped(), s.abortsSeen(),
                s.stalls())).toList();
    }

    private Path closedFile(String name) throws Exception {
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name(name).capacity(8).counters(dir).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("only"));
        bus.start();
        bus.close(10, TimeUnit.SECONDS);
        return dir.resolve(name + ".counters");
    }

    private static void assertMessage(Path file, String reason) {
        CountersFileException e = assertThrows(CountersFileException.class, () -> CountersReader.open(file));
        assertEquals(file + ": " + reason, e.getMessage());
    }

    private static ByteBuffer le(int n) {
        return ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    }
}
