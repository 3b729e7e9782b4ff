package io.ringbus;

import java.time.Duration;
import java.util.List;

/**
 * What a close left behind.
 *
 * @param drained      true if every stage delivered every event claimed before the close
 * @param timedOut     true if the drain ran out of time and the close halted the bus
 * @param lastSequence the highest sequence claimed before the close (-1 if none): the drain target
 * @param racedClaims  claims seen above the drain target after the stages stopped: refused or undelivered.
 *                     Always 0 unless a SINGLE producer kept claiming through a close it had promised to
 *                     stop before ({@code RingBusBuilder.producersStopBeforeClose})
 * @param stages       each stage's position at the end
 * @param took         how long the close took
 */
public record ShutdownReport(boolean drained, boolean timedOut, long lastSequence, long racedClaims,
                             List<StageReport> stages, Duration took) {

    /**
     * One stage at the end of a close.
     *
     * @param name      the stage name
     * @param sequence  the highest sequence it finished (for a pool, its slowest worker)
     * @param remaining events it had not finished: {@code lastSequence - sequence}, or 0
     * @param stuck     true if one of its threads was still alive when the close returned
     */
    public record StageReport(String name, long sequence, long remaining, boolean stuck) {
    }

    public ShutdownReport {
        stages = List.copyOf(stages);
    }

    /** Events left undelivered, summed over stages. */
    public long remaining() {
        return stages.stream().mapToLong(StageReport::remaining).sum();
    }

    /** The names of stages whose threads did not exit. */
    public List<String> stuckStages() {
        return stages.stream().filter(StageReport::stuck).map(StageReport::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(drained ? "drained" : timedOut ? "NOT drained (timed out)"
                : racedClaims > 0 ? "NOT drained (" + racedClaims + " claims raced the close)" : "NOT drained (halted)")
                .append(" up to sequence ").append(lastSequence).append(" in ").append(took.toMillis()).append(" ms");
        for (StageReport s : stages) {
            sb.append("; ").append(s.name()).append(" at ").append(s.sequence());
            if (s.remaining() > 0) {
                sb.append(" (").append(s.remaining()).append(" left)");
            }
            if (s.stuck()) {
                sb.append(" STUCK");
            }
        }
        return sb.toString();
    }
}
