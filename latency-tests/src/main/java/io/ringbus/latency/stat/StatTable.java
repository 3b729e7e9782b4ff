package io.ringbus.latency.stat;

import io.ringbus.stat.CountersSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** One snapshot as text: a header line per bus, the producer line, then one row per stage. */
final class StatTable {
    private static final String ROW = "%-16s %-10s %12s %8s %8s %12s %10s %10s %6s %9s %6s %6s %6s %6s %9s%n";

    private StatTable() {
    }

    /** @param previous the last snapshot of the same file, for rates; null for none */
    static String block(CountersSnapshot s, CountersSnapshot previous) {
        StringBuilder sb = new StringBuilder();
        Instant now = Instant.now();
        sb.append(String.format(Locale.ROOT, "%s  pid %d  %s  heartbeat %s ago  up %s  capacity %d%n", s.bus(), s.pid(),
                s.stale() ? s.state() + " STALE (no update since " + s.heartbeat() + ": crashed or hung)" : s.state(),
                seconds(Duration.between(s.heartbeat(), now)), seconds(Duration.between(s.started(), s.heartbeat())),
                s.capacity()));
        CountersSnapshot.Producer p = s.producer();
        sb.append(String.format(Locale.ROOT, "producer  claimed %d  full-ring %d  stalled %s  aborts %d  free %d%n",
                p.claimed(), p.fullRing(), millis(p.stallNanos()), p.aborts(), p.remainingCapacity()));
        sb.append(String.format(Locale.ROOT, ROW, "stage", "kind", "sequence", "lag", "backlog", "events", "events/s",
                "batches", "max", "wake-ups", "fail", "skip", "abort", "stalls", "behind"));
        for (int i = 0; i < s.stages().size(); i++) {
            CountersSnapshot.Stage st = s.stages().get(i);
            sb.append(String.format(Locale.ROOT, ROW, st.name(), st.kind(), st.sequence(), st.lag(), st.backlog(),
                    st.events(), rate(s, previous, i), st.batches(), st.maxBatch(), st.wakeUps(), st.failures(),
                    st.skipped(), st.abortsSeen(), st.stalls(), seconds(st.behindFor(s.heartbeat()))));
        }
        return sb.toString();
    }

    /** Events per second since the previous snapshot of the same bus run; "-" without one. */
    private static String rate(CountersSnapshot s, CountersSnapshot prev, int i) {
        if (prev == null || prev.pid() != s.pid() || !prev.started().equals(s.started())
                || prev.stages().size() != s.stages().size()) {
            return "-";
        }
        long millis = Duration.between(prev.heartbeat(), s.heartbeat()).toMillis();
        if (millis <= 0) {
            return "-";
        }
        long delta = s.stages().get(i).events() - prev.stages().get(i).events();
        return Long.toString(delta * 1000 / millis);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1fs", Math.max(0, d.toMillis()) / 1000.0);
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.1fms", nanos / 1e6);
    }
}
