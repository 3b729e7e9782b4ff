package io.ringbus.latency.aeron;

/** The harness side of one round-trip run: connects, then lets the pinger go; close joins its threads. */
interface RoundTrip extends AutoCloseable {
    /** Waits until both directions are connected, then sends the first ping. */
    void start();

    @Override
    void close();
}
