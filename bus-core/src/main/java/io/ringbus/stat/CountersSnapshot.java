package io.ringbus.stat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One consistent reading of a counters file.
 *
 * @param bus       the bus name
 * @param pid       the process id of the bus's process
 * @param started   when the bus started
 * @param heartbeat the last update
 * @param state     running, closed or halted, as the file says
 * @param stale     true if the file says running (or halted) but its heartbeat is older than
 *                  {@link CountersReader#staleAfter(Duration)} allows: the process died or hangs
 * @param interval  how often the bus updates the file
 * @param capacity  the ring capacity
 * @param producer  the producer side
 * @param stages    every stage, in the order they were added
 */
public record CountersSnapshot(String bus, long pid, Instant started, Instant heartbeat, State state, boolean stale,
                               Duration interval, int capacity, Producer producer, List<Stage> stages) {
    /** Copies the stage list. */
    public CountersSnapshot {
        stages = List.copyOf(stages);
    }

    /** What the file says of the bus. */
    public enum State {
        /** Running, or crashed if the snapshot is stale. */
        RUNNING,
        /** Closed cleanly. */
        CLOSED,
        /** Halted and not closed yet. */
        HALTED
    }

    /**
     * The producer side.
     *
     * @param claimed           the highest claimed sequence
     * @param fullRing          claims that found the ring full
     * @param stallNanos        nanoseconds spent waiting for room
     * @param aborts            abort calls
     * @param remainingCapacity free slots
     */
    public record Producer(long claimed, long fullRing, long stallNanos, long aborts, long remainingCapacity) {
    }

    /**
     * One stage.
     *
     * @param name         the stage name
     * @param kind         its kind
     * @param sequence     the highest sequence it finished
     * @param lag          how far it trails the highest claimed sequence
     * @param backlog      events ready for it and not done by it
     * @param events       sequences it passed in batches
     * @param batches      batches (a pool: events handled)
     * @param maxBatch     the largest batch
     * @param wakeUps      waits that ended with work
     * @param failures     exceptions routed to its policy
     * @param skipped      events skipped after an upstream failure
     * @param abortsSeen   aborts its threads passed over
     * @param stalls       stall episodes the watchdog reported
     * @param lastProgress when it last advanced or had nothing to do
     * @param workers      its thread count
     */
    public record Stage(String name, String kind, long sequence, long lag, long backlog, long events, long batches,
                        long maxBatch, long wakeUps, long failures, long skipped, long abortsSeen, long stalls,
                        Instant lastProgress, long workers) {
        /** How long it has gone without progress, at the snapshot's heartbeat; zero if it is keeping up. */
        public Duration behindFor(Instant heartbeat) {
            Duration d = Duration.between(lastProgress, heartbeat);
            return d.isNegative() ? Duration.ZERO : d;
        }
    }
}
