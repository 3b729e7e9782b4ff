package io.ringbus.latency.aeron;

import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.Channels;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Scenario;
import io.ringbus.latency.scenario.ScenarioDefaults;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What the Aeron scenarios share: the medium, this side's bridge and its driver, the channels, and the
 * partner JVM (an echo or a sink) that each run starts afresh. They run only the Aeron adapters.
 */
public abstract class AeronScenario implements Scenario {
    /** Shared memory through one driver, or UDP loopback between two. */
    public enum Medium { IPC, UDP }

    final Medium medium;
    private final ScenarioDefaults defaults;

    AeronScenario(Medium medium, ScenarioDefaults defaults) {
        this.medium = medium;
        this.defaults = defaults;
    }

    @Override
    public Topology topology() {
        return Topology.unicast(1);
    }

    @Override
    public ScenarioDefaults defaults() {
        return defaults;
    }

    /** The partner JVM starts afresh in every run, so a run warms it up before it measures. */
    @Override
    public boolean warmsUpInsideRun() {
        return true;
    }

    @Override
    public String unsupportedReason(Adapter adapter, WaitMode wait) {
        if (!(adapter instanceof AeronAdapter)) {
            return "runs in one process; the aeron scenarios compare ringbus-aeron with aeron-raw";
        }
        return wait == WaitMode.BLOCKING ? "Aeron has no blocking idle strategy; use park" : null;
    }

    String mediumLabel() {
        return medium == Medium.IPC ? "IPC" : "UDP 127.0.0.1";
    }

    /**
     * This side's bridge. Its driver carries every UDP message, so there it idles as the run's wait mode
     * says; IPC messages never pass through it, so it keeps its backing-off default rather than take a core.
     */
    AeronBridge openBridge(String name, WaitMode wait) {
        return AeronBridge.builder().name(name).driverContext(c -> {
            if (medium == Medium.UDP) {
                c.sharedIdleStrategy(Waits.idle(wait));
            }
        }).build();
    }

    /** A channel for one direction: IPC, or UDP on a free loopback port. */
    String newChannel() {
        return medium == Medium.IPC ? Channels.ipc() : Channels.udpLoopback(freeUdpPort());
    }

    /** Where the partner's client finds its driver: this side's over IPC, its own embedded one over UDP. */
    String partnerDirectory(AeronBridge local) {
        return medium == Medium.IPC ? local.aeronDirectory() : "embedded";
    }

    private static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
