package io.ringbus.internal.monitor;

import io.ringbus.ProducerStats;
import io.ringbus.StageStats;
import io.ringbus.stat.CountersLayout;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static io.ringbus.stat.CountersLayout.*;

/**
 * The writing side of a counters file (see {@link CountersLayout}): created owner-only where the file system
 * is POSIX, mapped once, and written only by the monitor thread. Values are opaque stores between two
 * release stores of the generation, so a reader in another process sees a consistent update or retries.
 */
final class CountersFile {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ORDER);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ORDER);

    private final Path path;
    private final MappedByteBuffer map;
    private final int stages;
    private long generation;

    private CountersFile(Path path, MappedByteBuffer map, int stages) {
        this.path = path;
        this.map = map;
        this.stages = stages;
    }

    /**
     * Creates {@code <dir>/<bus>.counters}, replacing any old file, with the header and labels filled in and
     * the state running.
     */
    static CountersFile create(Path dir, String bus, int capacity, long intervalMillis, List<StageStats> labels)
            throws IOException {
        Path path = dir.resolve(fileName(bus));
        Files.deleteIfExists(path); // a new inode: a reader of the old file sees it stale, never half-rewritten
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path); // the directory's permissions then decide who may read it
        }
        int length = fileLength(labels.size());
        MappedByteBuffer map;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            map = ch.map(FileChannel.MapMode.READ_WRITE, 0, length);
        }
        map.order(ORDER);
        CountersFile file = new CountersFile(path, map, labels.size());
        file.writeHeader(bus, capacity, intervalMillis, labels);
        return file;
    }

    /** The file name for a bus: its name, with anything but letters, digits, '.', '_' and '-' replaced. */
    static String fileName(String bus) {
        return bus.replaceAll("[^A-Za-z0-9._-]", "_") + ".counters";
    }

    Path path() {
        return path;
    }

    private void writeHeader(String bus, int capacity, long intervalMillis, List<StageStats> labels) {
        map.put(0, MAGIC.getBytes(StandardCharsets.US_ASCII));
        map.putInt(LAYOUT_VERSION, VERSION);
        map.putInt(HEADER_SIZE_FIELD, HEADER_LENGTH);
        map.putLong(PID, ProcessHandle.current().pid());
        long now = System.currentTimeMillis();
        map.putLong(START_MILLIS, now);
        map.putLong(HEARTBEAT_MILLIS, now);
        map.putInt(INTERVAL_MILLIS, (int) intervalMillis);
        map.putInt(STAGE_COUNT, stages);
        map.putInt(CAPACITY, capacity);
        putString(BUS_NAME, bus, MAX_BUS_NAME_BYTES);
        for (int i = 0; i < stages; i++) {
            int at = LABELS_OFFSET + i * LABEL_LENGTH;
            putString(at + LABEL_NAME, labels.get(i).name(), MAX_NAME_BYTES);
            putString(at + LABEL_KIND, labels.get(i).kind(), MAX_KIND_BYTES);
        }
        INTS.setRelease(map, STATE, STATE_RUNNING); // last: a reader that sees the state sees the header
    }

    /** Copies one snapshot in, as one generation, then bumps the heartbeat and sets the state. */
    void update(ProducerStats producer, List<StageStats> stats, long[] lastProgressMillis, int state) {
        LONGS.setRelease(map, GENERATION, ++generation); // odd: an update is under way
        VarHandle.storeStoreFence();
        int p = valuesOffset(stages);
        put(p + P_CLAIMED, producer.claimed());
        put(p + P_FULL_RING, producer.fullRing());
        put(p + P_STALL_NANOS, producer.stallNanos());
        put(p + P_ABORTS, producer.aborts());
        put(p + P_REMAINING, producer.remainingCapacity());
        for (int i = 0; i < stages; i++) {
            StageStats s = stats.get(i);
            int at = stageLine(stages, i);
            put(at + S_SEQUENCE, s.sequence());
            put(at + S_LAG, s.lag());
            put(at + S_BACKLOG, s.backlog());
            put(at + S_EVENTS, s.events());
            put(at + S_BATCHES, s.batches());
            put(at + S_MAX_BATCH, s.maxBatch());
            put(at + S_WAKE_UPS, s.wakeUps());
            put(at + S_FAILURES, s.failures());
            put(at + S_SKIPPED, s.skipped());
            put(at + S_ABORTS_SEEN, s.abortsSeen());
            put(at + S_STALLS, s.stalls());
            put(at + S_LAST_PROGRESS_MILLIS, lastProgressMillis[i]);
            put(at + S_WORKERS, Math.max(1, s.workerEvents().size()));
        }
        LONGS.setRelease(map, GENERATION, ++generation); // even: consistent again
        LONGS.setRelease(map, HEARTBEAT_MILLIS, System.currentTimeMillis());
        INTS.setRelease(map, STATE, state);
    }

    /** Pushes the pages to the file, so that the final state survives the process. Best effort. */
    void force() {
        map.force();
    }

    private void put(int offset, long value) {
        LONGS.setOpaque(map, offset, value);
    }

    private void putString(int offset, String s, int maxBytes) {
        byte[] bytes = truncate(s, maxBytes);
        map.putShort(offset, (short) bytes.length);
        map.put(offset + 2, bytes);
    }

    /** The UTF-8 bytes of s, cut at a character boundary to at most maxBytes. */
    static byte[] truncate(String s, int maxBytes) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= maxBytes) {
            return bytes;
        }
        int end = maxBytes;
        while (end > 0 && (bytes[end] & 0xC0) == 0x80) {
            end--; // back to the first byte of the character that does not fit
        }
        byte[] cut = new byte[end];
        System.arraycopy(bytes, 0, cut, 0, end);
        return cut;
    }

    /** For tests: the mapped bytes. */
    ByteBuffer bytes() {
        return map.duplicate().order(ORDER);
    }
}
