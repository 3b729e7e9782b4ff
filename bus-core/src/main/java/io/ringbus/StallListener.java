package io.ringbus;

/**
 * Told when the stall watchdog finds a stage stalled; see {@link RingBusBuilder#stallWatchdog}. Called on
 * the bus's monitor thread, once per stall episode: return quickly, and do not close the bus from here
 * (hand that to another thread). An exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface StallListener {
    /**
     * A stage has stalled.
     *
     * @param report which stage, where, and for how long
     */
    void onStall(StallReport report);
}
