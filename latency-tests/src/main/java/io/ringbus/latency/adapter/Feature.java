package io.ringbus.latency.adapter;

/** What a scenario needs beyond its topology; an adapter may decline each one. */
public enum Feature {
    /** Claim several slots in one call. */
    BATCH_CLAIM,
    /** Publish several messages in one call through a translator over an argument array. */
    BATCH_TRANSLATOR,
    /** The raw round-trip floor: an implementation that only makes sense in ping-pong. */
    ROUND_TRIP,
    /** Many messages in flight per producer at once. */
    BURSTS
}
