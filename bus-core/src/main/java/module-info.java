/**
 * ringbus: a lock-free, in-process message bus. The API is {@code io.ringbus} (the bus, its builder,
 * producers, stages, policies) and {@code io.ringbus.wait} (wait strategies); {@code io.ringbus.internal.*}
 * is public only so that its packages can see each other, and is not exported.
 */
module io.ringbus.core {
    requires jdk.jfr;

    exports io.ringbus;
    exports io.ringbus.wait;
    exports io.ringbus.stat;
}
