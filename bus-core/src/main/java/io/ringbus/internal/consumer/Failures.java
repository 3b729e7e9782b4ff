package io.ringbus.internal.consumer;

/**
 * What one consumer thread needs to handle failures across the graph: which events the stages it runs after
 * failed on, where to mark its own, and whether its handler still sees events that failed upstream.
 *
 * @param upstream         the failures of the stages this one runs after
 * @param own              this stage's marks, read by the stages after it
 * @param seesFailedEvents true if the handler gets events that failed upstream (they stay marked)
 * @param share            which share of the skips this thread counts, when several threads see every event
 * @param shares           how many threads see every event (a keyed pool's workers); 1 otherwise
 */
record Failures(UpstreamFailures upstream, FailedEvents own, boolean seesFailedEvents, int share, int shares) {

    /** Counts an event skipped because it failed upstream, once per stage however many threads saw it. */
    void countSkip(long s) {
        if (shares <= 1 || Math.floorMod(s, shares) == share) {
            own.countSkipped();
        }
    }
}
