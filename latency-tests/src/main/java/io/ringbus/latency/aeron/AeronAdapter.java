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
    /** How a side of the round trip is built. */
    public enum Mode {
        /** Receiver, buses and sender on one agent thread per side, as {@code AeronBridge.startAgents} runs them. */
        AGENT,
        /** A thread per part: the receiver's agent thread, and a stage thread per bus for the sender or pinger. */
        STAGED,
        /** No bus: one thread per side offers and polls. */
        RAW
    }

    /** Subscription, bus, publication on one thread per side; the echo is a bus in another JVM. */
    public static final AeronAdapter BRIDGE = new AeronAdapter("ringbus-aeron", Mode.AGENT,
            "ringbus buses bridged by bus-aeron, one agent thread per side (AeronReceiver, bus pollers, AeronSender)");
    /** The same buses with a thread per part: the hand-offs between threads are what it measures. */
    public static final AeronAdapter STAGED = new AeronAdapter("ringbus-aeron-staged", Mode.STAGED,
            "ringbus buses bridged by bus-aeron, a thread per part (receiver agent, AeronSender stage, pinger stage)");
    /** An exclusive publication and a subscription each way, polled by one thread per side. */
    public static final AeronAdapter RAW = new AeronAdapter("aeron-raw", Mode.RAW,
            "raw Aeron ping-pong: offer and poll on the same channels, no bus; the floor for ringbus-aeron");
    static final String ONLY_AERON_SCENARIOS = "crosses processes over Aeron: runs only the aeron scenarios";

    private final String id;
    private final Mode mode;
    private final String description;

    private AeronAdapter(String id, Mode mode, String description) {
        this.id = id;
        this.mode = mode;
        this.description = description;
    }

    Mode mode() {
        return mode;
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
