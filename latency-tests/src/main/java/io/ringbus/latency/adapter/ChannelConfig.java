package io.ringbus.latency.adapter;

/**
 * How to build a channel.
 *
 * @param capacity           ring or queue size, a power of two
 * @param waitMode             the wait strategy of every stage (and of producers facing a full ring)
 * @param name               prefix of the thread names
 * @param closeTimeoutMillis how long {@link Channel#close()} may take before it gives up loudly
 */
public record ChannelConfig(int capacity, WaitMode waitMode, String name, long closeTimeoutMillis) {

    public ChannelConfig {
        if (capacity < 1 || Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two >= 1, was " + capacity);
        }
    }

    public ChannelConfig(int capacity, WaitMode wait, String name) {
        this(capacity, wait, name, 10_000);
    }
}
