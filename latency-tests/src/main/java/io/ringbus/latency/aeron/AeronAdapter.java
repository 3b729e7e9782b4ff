package io.ringbus.latency.aeron;

import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Channel;
import io.ringbus.latency.adapter.ChannelConfig;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.StageHandler;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import java.util.List;
import java.util.Set;

/**
 * The two sides of the Aeron round-trip scenarios: ringbus buses bridged over Aeron, and the raw Aeron
 * ping-pong floor over the same channel. Their echo runs in another process, so they take part only in the
 * {@code lat-aeron-*} scenarios, which drive them directly; every in-process scenario skips them.
 */
public final class AeronAdapter implements Adapter {
    /** Bus, sending stage, Aeron, receiver, echo bus in the other process, and back. */
    public static final AeronAdapter BRIDGE = new AeronAdapter("ringbus-aeron", true,
            "ringbus buses bridged by bus-aeron (AeronSender stage, AeronReceiver); the echo is a bus in another JVM");
    /** An exclusive publication and a subscription each way, polled by one thread per side. */
    public static final AeronAdapter RAW = new AeronAdapter("aeron-raw", false,
            "raw Aeron ping-pong: offer and poll on the same channels, no bus; the floor for ringbus-aeron");
    static final String ONLY_AERON_SCENARIOS = "crosses processes over Aeron: runs only the lat-aeron scenarios";

    private final String id;
    private final boolean bridge;
    private final String description;

    private AeronAdapter(String id, boolean bridge, String description) {
        this.id = id;
        this.bridge = bridge;
        this.description = description;
    }

    /** True for the bridged buses, false for raw Aeron. */
    boolean bridge() {
        return bridge;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public int maxProducers() {
        return 1;
    }

    @Override
    public String unsupportedReason(Topology topology, Set<Feature> features, WaitMode wait) {
        return ONLY_AERON_SCENARIOS;
    }

    @Override
    public Channel open(Topology topology, ChannelConfig config, List<List<StageHandler>> handlers) {
        throw new UnsupportedOperationException(id + " " + ONLY_AERON_SCENARIOS);
    }
}
