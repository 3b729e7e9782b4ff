package io.ringbus.stat;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import static io.ringbus.stat.CountersLayout.*;

/**
 * Reads the counters file of a bus, from any process: maps it read-only, checks it is a counters file of
 * layout {@value CountersLayout#VERSION}, and takes consistent snapshots of it. The file of a bus that was
 * restarted is a new file: open it again to follow the new bus.
 *
 * <pre>{@code
 * try (CountersReader reader = CountersReader.open(Path.of("/var/run/ringbus/trading.counters"))) {
 *     CountersSnapshot s = reader.read();
 *     if (s.stale()) alert(s.bus() + " stopped updating at " + s.heartbeat());
 * }
 * }</pre>
 */
public final class CountersReader implements AutoCloseable {
    private static final VarHandle LONGS = MethodHandles.byteBufferViewVarHandle(long[].class, ORDER);
    private static final VarHandle INTS = MethodHandles.byteBufferViewVarHandle(int[].class, ORDER);
    private static final int MAX_RETRIES = 1000;

    private final Path file;
    private final ByteBuffer map;
    private final int stages;
    private final String bus;
    private final List<String[]> labels;
    private Duration staleAfter;

    private CountersReader(Path file, ByteBuffer map, int stages) {
        this.file = file;
        this.map = map;
        this.stages = stages;
        this.bus = getString(BUS_NAME);
        this.labels = new ArrayList<>();
        for (int i = 0; i < stages; i++) {
            int at = LABELS_OFFSET + i * LABEL_LENGTH;
            labels.add(new String[] {getString(at + LABEL_NAME), getString(at + LABEL_KIND)});
        }
        Duration interval = Duration.ofMillis((int) INTS.getAcquire(map, INTERVAL_MILLIS));
        this.staleAfter = max(Duration.ofSeconds(1), interval.multipliedBy(5));
    }

    /**
     * Opens a counters file.
     *
     * @param file the file a bus writes, {@code <dir>/<bus name>.counters}
     * @return a reader of it
     * @throws CountersFileException if it is not a counters file, is truncated, or has another layout version
     * @throws IOException if it cannot be read at all (missing: {@link NoSuchFileException})
     */
    public static CountersReader open(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        ByteBuffer map;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < HEADER_LENGTH) {
                throw new CountersFileException(file, size == 0 ? "empty, not a ringbus counters file"
                        : "truncated or not a ringbus counters file: " + size + " bytes, the header alone is "
                        + HEADER_LENGTH);
            }
            map = ch.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE)).order(ORDER);
        }
        byte[] magic = new byte[MAGIC.length()];
        map.get(0, magic);
        if (!MAGIC.equals(new String(magic, StandardCharsets.ISO_8859_1))) {
            throw new CountersFileException(file, "not a ringbus counters file (no " + MAGIC + " magic)");
        }
        int version = map.getInt(LAYOUT_VERSION);
        if (version != VERSION) {
            throw new CountersFileException(file, "counters layout version " + version + "; this reader reads "
                    + "version " + VERSION);
        }
        int stages = (int) INTS.getAcquire(map, STAGE_COUNT);
        if (stages < 0 || stages > (Integer.MAX_VALUE - HEADER_LENGTH) / (LABEL_LENGTH + LINE_LENGTH) - 1) {
            throw new CountersFileException(file, "corrupt header: stage count " + stages);
        }
        if (map.capacity() < fileLength(stages)) {
            throw new CountersFileException(file, "truncated: " + map.capacity() + " bytes, " + stages
                    + " stage(s) need " + fileLength(stages));
        }
        return new CountersReader(file, map, stages);
    }

    /**
     * How old a heartbeat may be before a running bus's snapshot is stale; default five update intervals, at
     * least 1 s.
     *
     * @param age the age; positive
     * @return this reader
     */
    public CountersReader staleAfter(Duration age) {
        Objects.requireNonNull(age, "staleAfter");
        if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("staleAfter must be > 0: " + age);
        }
        this.staleAfter = age;
        return this;
    }

    /** The file this reader maps. */
    public Path file() {
        return file;
    }

    /**
     * Takes a consistent snapshot: all values from one update of the writer.
     *
     * @return the snapshot
     * @throws CountersFileException if no consistent update could be read, which only a writer that died in the
     *         middle of an update leaves behind
     */
    public CountersSnapshot read() throws CountersFileException {
        for (int attempt = 0; attempt < MAX_RETRIES; attempt++) {
            long before = (long) LONGS.getAcquire(map, GENERATION);
            if ((before & 1) == 0) {
                CountersSnapshot s = readValues();
                VarHandle.loadLoadFence();
                if ((long) LONGS.getOpaque(map, GENERATION) == before) {
                    return s;
                }
            }
            Thread.onSpinWait();
        }
        long generation = (long) LONGS.getAcquire(map, GENERATION);
        if ((generation & 1) != 0) {
            CountersSnapshot s = readValues(); // the writer died mid-update: what is there, marked stale
            return new CountersSnapshot(s.bus(), s.pid(), s.started(), s.heartbeat(), s.state(), true, s.interval(),
                    s.capacity(), s.producer(), s.stages());
        }
        throw new CountersFileException(file, "no consistent update after " + MAX_RETRIES + " attempts");
    }

    private CountersSnapshot readValues() {
        int p = valuesOffset(stages);
        CountersSnapshot.Producer producer = new CountersSnapshot.Producer(get(p + P_CLAIMED), get(p + P_FULL_RING),
                get(p + P_STALL_NANOS), get(p + P_ABORTS), get(p + P_REMAINING));
        List<CountersSnapshot.Stage> list = new ArrayList<>(stages);
        for (int i = 0; i < stages; i++) {
            int at = stageLine(stages, i);
            list.add(new CountersSnapshot.Stage(labels.get(i)[0], labels.get(i)[1], get(at + S_SEQUENCE),
                    get(at + S_LAG), get(at + S_BACKLOG), get(at + S_EVENTS), get(at + S_BATCHES),
                    get(at + S_MAX_BATCH), get(at + S_WAKE_UPS), get(at + S_FAILURES), get(at + S_SKIPPED),
                    get(at + S_ABORTS_SEEN), get(at + S_STALLS), Instant.ofEpochMilli(get(at + S_LAST_PROGRESS_MILLIS)),
                    get(at + S_WORKERS)));
        }
        Instant heartbeat = Instant.ofEpochMilli((long) LONGS.getAcquire(map, HEARTBEAT_MILLIS));
        int stateCode = (int) INTS.getAcquire(map, STATE);
        CountersSnapshot.State state = stateCode == STATE_CLOSED ? CountersSnapshot.State.CLOSED
                : stateCode == STATE_HALTED ? CountersSnapshot.State.HALTED : CountersSnapshot.State.RUNNING;
        boolean stale = state != CountersSnapshot.State.CLOSED
                && Duration.between(heartbeat, Instant.now()).compareTo(staleAfter) > 0;
        return new CountersSnapshot(bus, map.getLong(PID), Instant.ofEpochMilli(map.getLong(START_MILLIS)), heartbeat,
                state, stale, Duration.ofMillis(map.getInt(INTERVAL_MILLIS)), map.getInt(CAPACITY), producer, list);
    }

    /** Releases nothing the garbage collector would not: the mapping ends when the reader is collected. */
    @Override
    public void close() {
        // the channel was closed right after mapping; a mapping cannot be released early without Unsafe
    }

    private long get(int offset) {
        return (long) LONGS.getOpaque(map, offset);
    }

    private String getString(int offset) {
        int length = Math.max(0, Math.min(map.getShort(offset), LABEL_LENGTH));
        byte[] bytes = new byte[length];
        map.get(offset + 2, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
