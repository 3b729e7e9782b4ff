package io.ringbus;

/**
 * A cheap snapshot of one stage's counters; each value is read without locking and may be a moment old.
 *
 * @param name     the stage name
 * @param kind     broadcast, pool, keyed-pool or poller
 * @param sequence the highest sequence the stage finished (a pool: its slowest worker)
 * @param lag      how far it trails the highest claimed sequence
 * @param batches  batches handled (a pool: events handled)
 * @param failures exceptions routed to its policy
 * @param skipped  events it skipped because a stage it runs after had failed on them
 * @param workerEvents for a pool, the events each worker handled (its balance); empty otherwise
 */
public record StageStats(String name, String kind, long sequence, long lag, long batches, long failures,
                         long skipped, java.util.List<Long> workerEvents) {
    public StageStats {
        workerEvents = java.util.List.copyOf(workerEvents);
    }
}
