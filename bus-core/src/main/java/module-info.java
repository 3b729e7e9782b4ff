/**
 * ringbus: a lock-free, in-process message bus. The API is {@code io.ringbus} (the bus, its builder,
 * producers, stages, policies), {@code io.ringbus.wait} (wait strategies) and {@code io.ringbus.stat} (reading
 * a bus's counters file from another process); {@code io.ringbus.internal.*} is public only so that its
 * packages can see each other, and is not exported. The only module required beyond {@code java.base} is
 * {@code jdk.jfr}, for the bus's flight-recorder events.
 */
module io.ringbus.core {
    requires jdk.jfr;

    exports io.ringbus;
    exports io.ringbus.wait;
    exports io.ringbus.stat;
}
