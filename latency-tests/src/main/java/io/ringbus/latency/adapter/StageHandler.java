package io.ringbus.latency.adapter;

/**
 * What a scenario does with each message at one stage. The adapter calls it on the stage's own thread,
 * in the order the stage receives messages.
 */
@FunctionalInterface
public interface StageHandler {
    void onEvent(Msg msg);

    /**
     * Called once on the stage's own thread before its first message. A handler that also produces into a
     * single-producer channel starts producing here, so that every send comes from that one thread.
     */
    default void onStart() {
    }
}
