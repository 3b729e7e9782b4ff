package io.ringbus.stat;

import java.nio.ByteOrder;

/**
 * The layout of a counters file, version {@value #VERSION}: what {@code RingBusBuilder.counters(dir)} writes
 * and {@link CountersReader} reads, given as offsets so that a reader in any language can follow it. Every
 * number is little-endian; longs are 8-byte aligned.
 *
 * <pre>
 * header   256 bytes at 0
 * labels   one 128-byte record per stage at {@link #LABELS_OFFSET}
 * values   one 128-byte line for the producer, then one per stage, at
 *          {@code LABELS_OFFSET + stages * LABEL_LENGTH}; every line starts on a 128-byte boundary
 * </pre>
 *
 * The values are consistent with each other within one update: the writer makes {@link #GENERATION} odd
 * before it writes them and even again after, and a reader retries while it is odd or changed under it.
 */
public final class CountersLayout {
    /** The first 8 bytes of every counters file, ASCII. */
    public static final String MAGIC = "RINGBUSC";
    /** The layout version this class describes. */
    public static final int VERSION = 1;
    /** Byte order of every number in the file. */
    public static final ByteOrder ORDER = ByteOrder.LITTLE_ENDIAN;

    /** Header: int, the layout version. */
    public static final int LAYOUT_VERSION = 8;
    /** Header: int, the header length in bytes ({@value #HEADER_LENGTH}). */
    public static final int HEADER_SIZE_FIELD = 12;
    /** Header: long, the process id of the writer. */
    public static final int PID = 16;
    /** Header: long, when the bus started, in milliseconds since the epoch. */
    public static final int START_MILLIS = 24;
    /** Header: long, the last update, in milliseconds since the epoch: the heartbeat. */
    public static final int HEARTBEAT_MILLIS = 32;
    /** Header: int, {@link #STATE_RUNNING}, {@link #STATE_CLOSED} or {@link #STATE_HALTED}. */
    public static final int STATE = 40;
    /** Header: int, the update interval in milliseconds. */
    public static final int INTERVAL_MILLIS = 44;
    /** Header: long, odd while the values are being written. */
    public static final int GENERATION = 48;
    /** Header: int, the number of stages. */
    public static final int STAGE_COUNT = 56;
    /** Header: int, the ring capacity. */
    public static final int CAPACITY = 60;
    /** Header: short length then UTF-8 bytes of the bus name, at most {@value #MAX_BUS_NAME_BYTES} bytes. */
    public static final int BUS_NAME = 128;
    /** The most bytes of a bus name kept. */
    public static final int MAX_BUS_NAME_BYTES = 126;
    /** Header length. */
    public static final int HEADER_LENGTH = 256;

    /** State: the bus is running (or crashed, if the heartbeat is old). */
    public static final int STATE_RUNNING = 1;
    /** State: the bus closed cleanly. */
    public static final int STATE_CLOSED = 2;
    /** State: the bus halted and was not closed yet. */
    public static final int STATE_HALTED = 3;

    /** Where the labels start. */
    public static final int LABELS_OFFSET = HEADER_LENGTH;
    /** Bytes per label record: short length and UTF-8 name at 0, short length and UTF-8 kind at 98. */
    public static final int LABEL_LENGTH = 128;
    /** Label: the stage name, at most {@value #MAX_NAME_BYTES} bytes after its short length. */
    public static final int LABEL_NAME = 0;
    /** The most bytes of a stage name kept. */
    public static final int MAX_NAME_BYTES = 96;
    /** Label: the stage kind, at most {@value #MAX_KIND_BYTES} bytes after its short length. */
    public static final int LABEL_KIND = 98;
    /** The most bytes of a stage kind kept. */
    public static final int MAX_KIND_BYTES = 28;

    /** Bytes per values line. */
    public static final int LINE_LENGTH = 128;

    /** Producer line: long, the highest claimed sequence. */
    public static final int P_CLAIMED = 0;
    /** Producer line: long, claims that found the ring full. */
    public static final int P_FULL_RING = 8;
    /** Producer line: long, nanoseconds spent waiting for room. */
    public static final int P_STALL_NANOS = 16;
    /** Producer line: long, abort calls. */
    public static final int P_ABORTS = 24;
    /** Producer line: long, free slots. */
    public static final int P_REMAINING = 32;

    /** Stage line: long, the highest sequence finished. */
    public static final int S_SEQUENCE = 0;
    /** Stage line: long, the distance to the highest claimed sequence. */
    public static final int S_LAG = 8;
    /** Stage line: long, events ready for the stage and not yet done by it. */
    public static final int S_BACKLOG = 16;
    /** Stage line: long, sequences passed in batches. */
    public static final int S_EVENTS = 24;
    /** Stage line: long, batches. */
    public static final int S_BATCHES = 32;
    /** Stage line: long, the largest batch. */
    public static final int S_MAX_BATCH = 40;
    /** Stage line: long, waits that ended with work. */
    public static final int S_WAKE_UPS = 48;
    /** Stage line: long, failures. */
    public static final int S_FAILURES = 56;
    /** Stage line: long, events skipped after an upstream failure. */
    public static final int S_SKIPPED = 64;
    /** Stage line: long, aborts seen. */
    public static final int S_ABORTS_SEEN = 72;
    /** Stage line: long, stall episodes reported by the watchdog. */
    public static final int S_STALLS = 80;
    /** Stage line: long, when the stage last advanced or had nothing to do, in milliseconds since the epoch. */
    public static final int S_LAST_PROGRESS_MILLIS = 88;
    /** Stage line: long, the stage's thread count (1 for a broadcast stage or a poller). */
    public static final int S_WORKERS = 96;

    private CountersLayout() {
    }

    /** Where the values lines start in a file of {@code stages} stages. */
    public static int valuesOffset(int stages) {
        return LABELS_OFFSET + stages * LABEL_LENGTH;
    }

    /** Where stage {@code index}'s values line starts. */
    public static int stageLine(int stages, int index) {
        return valuesOffset(stages) + (1 + index) * LINE_LENGTH;
    }

    /** The length of a file of {@code stages} stages. */
    public static int fileLength(int stages) {
        return valuesOffset(stages) + (1 + stages) * LINE_LENGTH;
    }
}
