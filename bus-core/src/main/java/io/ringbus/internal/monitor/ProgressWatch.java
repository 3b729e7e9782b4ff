package io.ringbus.internal.monitor;

import io.ringbus.StageStats;
import io.ringbus.StallListener;
import io.ringbus.StallReport;
import io.ringbus.internal.jfr.BusEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Remembers when each stage last made progress (advanced, or had nothing ready), and, given a timeout, is the
 * stall watchdog: a stage with a backlog that has not advanced for the timeout is reported once, by a log
 * line, its stall counter, a JFR event and the listener; it is reported again only after it recovered and
 * stalled anew. Observed by the monitor thread only; the stall counts may be read from any thread.
 */
final class ProgressWatch {
    private static final System.Logger LOG = System.getLogger("io.ringbus");

    private final String bus;
    private final long timeoutNanos;
    private final StallListener listener;
    private final long[] lastSequence;
    private final long[] lastProgressNanos;
    private final long[] lastProgressMillis;
    private final boolean[] stalled;
    private final AtomicLongArray stalls;

    /** @param timeoutNanos the stall timeout, or {@code Long.MAX_VALUE} to only track progress */
    ProgressWatch(String bus, int stages, long timeoutNanos, StallListener listener) {
        this.bus = bus;
        this.timeoutNanos = timeoutNanos;
        this.listener = listener;
        this.lastSequence = new long[stages];
        this.lastProgressNanos = new long[stages];
        this.lastProgressMillis = new long[stages];
        this.stalled = new boolean[stages];
        this.stalls = new AtomicLongArray(stages);
        java.util.Arrays.fill(lastSequence, Long.MIN_VALUE);
    }

    /**
     * One look at every stage; {@code nowNanos} and {@code nowMillis} are the same instant. With
     * {@code detect} false it only records progress (the last look, on close, is not the monitor thread's).
     */
    void observe(List<StageStats> stages, long nowNanos, long nowMillis, boolean detect) {
        for (int i = 0; i < lastSequence.length; i++) {
            StageStats s = stages.get(i);
            if (s.sequence() != lastSequence[i] || s.backlog() == 0) {
                lastSequence[i] = s.sequence();
                lastProgressNanos[i] = nowNanos;
                lastProgressMillis[i] = nowMillis;
                if (stalled[i]) {
                    stalled[i] = false;
                    LOG.log(System.Logger.Level.INFO, "ringbus '" + bus + "': stage '" + s.name()
                            + "' advanced again, at sequence " + s.sequence());
                }
            } else if (detect && !stalled[i] && nowNanos - lastProgressNanos[i] >= timeoutNanos) {
                stalled[i] = true;
                stalls.incrementAndGet(i);
                report(new StallReport(bus, s.name(), s.kind(), s.sequence(), s.backlog(),
                        Instant.ofEpochMilli(lastProgressMillis[i]), Duration.ofNanos(nowNanos - lastProgressNanos[i])));
            }
        }
    }

    private void report(StallReport r) {
        LOG.log(System.Logger.Level.WARNING, "ringbus '" + bus + "': stage '" + r.stage() + "' (" + r.kind()
                + ") stalled: " + r.backlog() + " event(s) ready, no progress past sequence " + r.sequence()
                + " for " + r.stalledFor().toMillis() + " ms, since " + r.since());
        BusEvents.stageStalled(bus, r.stage(), r.sequence(), r.backlog(), r.stalledFor().toNanos());
        try {
            listener.onStall(r);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "ringbus '" + bus + "': the stall listener threw", t);
        }
    }

    /** Stall episodes of stage i. */
    long stalls(int i) {
        return i < stalls.length() ? stalls.get(i) : 0;
    }

    /** When each stage last made progress, in epoch milliseconds; owned by the monitor thread. */
    long[] lastProgressMillis() {
        return lastProgressMillis;
    }
}
