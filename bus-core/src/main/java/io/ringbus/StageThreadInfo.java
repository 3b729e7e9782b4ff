package io.ringbus;

/**
 * Which thread a {@link StageThreadFactory} is asked to create: enough to decide where to place it, for
 * instance which core to pin it to.
 *
 * @param busName     the bus name
 * @param stageName   the stage name
 * @param kind        the stage kind: "broadcast", "pool" or "keyed-pool"
 * @param workerIndex the worker's index in its pool, from 0; 0 for a broadcast stage
 * @param workers     how many threads the stage has: the pool size, 1 for a broadcast stage
 * @param threadName  the name the bus gives the thread, {@code <bus>-<stage>} or {@code <bus>-<stage>-<index>}
 */
public record StageThreadInfo(String busName, String stageName, String kind, int workerIndex, int workers,
                              String threadName) {
}
