package io.ringbus;

import java.util.List;

/**
 * A cheap snapshot of one stage's counters; each value is read without locking and may be a moment old. A
 * pool's counters are its workers', summed (its largest batch: the largest of theirs). The counters kept per
 * batch (events, largest batch, wake-ups, aborts seen) stay 0 on a bus built with
 * {@link RingBusBuilder#collectCounters(boolean) collectCounters(false)}.
 *
 * @param name         the stage name
 * @param kind         broadcast, pool, keyed-pool or poller
 * @param sequence     the highest sequence the stage finished (a pool: its slowest worker)
 * @param lag          how far it trails the highest claimed sequence
 * @param batches      batches handled (a pool: events handled)
 * @param failures     exceptions routed to its policy
 * @param skipped      events it skipped because a stage it runs after had failed on them
 * @param workerEvents for a pool, the events each worker handled (its balance); empty otherwise
 * @param backlog      events ready for it (published, and done by the stages it runs after) but not done by it
 * @param events       sequences it went through in batches, handled, skipped or aborted (a work-sharing pool:
 *                     events handled; a keyed pool: each worker sees every sequence, so the sum counts each
 *                     once per worker)
 * @param maxBatch     the largest batch
 * @param wakeUps      waits in the wait strategy that ended with work ready
 * @param abortsSeen   aborts (abort calls, of one or more slots) its threads have passed over
 * @param stalls       stall episodes the stall watchdog reported for it; 0 without a watchdog
 */
public record StageStats(String name, String kind, long sequence, long lag, long batches, long failures,
                         long skipped, List<Long> workerEvents, long backlog, long events, long maxBatch,
                         long wakeUps, long abortsSeen, long stalls) {
    /** Copies the worker list. */
    public StageStats {
        workerEvents = List.copyOf(workerEvents);
    }

    /**
     * The snapshot as before the per-batch counters: those, the backlog and the stalls are 0.
     *
     * @param name         the stage name
     * @param kind         its kind
     * @param sequence     the highest sequence it finished
     * @param lag          how far it trails the highest claimed sequence
     * @param batches      batches handled
     * @param failures     exceptions routed to its policy
     * @param skipped      events skipped after an upstream failure
     * @param workerEvents a pool's per-worker events
     */
    public StageStats(String name, String kind, long sequence, long lag, long batches, long failures,
                      long skipped, List<Long> workerEvents) {
        this(name, kind, sequence, lag, batches, failures, skipped, workerEvents, 0, 0, 0, 0, 0, 0);
    }
}
