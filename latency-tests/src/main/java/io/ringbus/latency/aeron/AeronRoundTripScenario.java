package io.ringbus.latency.aeron;

import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.Channels;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.Topology;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.Measurement;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.Scenario;
import io.ringbus.latency.scenario.ScenarioDefaults;
import io.ringbus.latency.scenario.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Round trip across processes over Aeron: pings leave this JVM, an echo in a second JVM sends each back,
 * and the pinger records the round trip, closed loop as in {@code lat-pingpong}. {@code ringbus-aeron} puts
 * a bus on each end (sending stage, receiver, echo bus); {@code aeron-raw} offers and polls on the same
 * channels with no bus, the floor the bridge is measured against. Over IPC the echo connects to this JVM's
 * embedded driver; over UDP each side has its own driver and talks on 127.0.0.1 only.
 */
public final class AeronRoundTripScenario implements Scenario {
    /** Shared memory through one driver, or UDP loopback between two. */
    public enum Medium { IPC, UDP }

    private final Medium medium;
    private final ScenarioDefaults defaults;

    public AeronRoundTripScenario(Medium medium, ScenarioDefaults defaults) {
        this.medium = medium;
        this.defaults = defaults;
    }

    @Override
    public String name() {
        return medium == Medium.IPC ? "lat-aeron-ipc" : "lat-aeron-udp";
    }

    @Override
    public String summary() {
        return "round trip to an echo in another JVM over Aeron " + (medium == Medium.IPC ? "IPC" : "UDP 127.0.0.1")
                + ": bridged buses vs raw Aeron (closed loop)";
    }

    @Override
    public Kind kind() {
        return Kind.LATENCY;
    }

    @Override
    public Topology topology() {
        return Topology.unicast(1);
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.ROUND_TRIP);
    }

    @Override
    public ScenarioDefaults defaults() {
        return defaults;
    }

    @Override
    public int busyThreads(WaitMode wait) {
        // Pinger and echo, their senders, receivers and both drivers all spin in busy-spin mode.
        return wait.burnsCore() ? 6 : 1;
    }

    @Override
    public String unsupportedReason(Adapter adapter, WaitMode wait) {
        if (!(adapter instanceof AeronAdapter)) {
            return "runs in one process; the lat-aeron scenarios compare ringbus-aeron with aeron-raw";
        }
        return wait == WaitMode.BLOCKING ? "Aeron has no blocking idle strategy; use park" : null;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long duration = warmup ? Math.min(spec.warmupNanos(), spec.durationNanos()) : spec.durationNanos();
        boolean bridged = ((AeronAdapter) adapter).bridge();
        long limitNanos = duration + TimeUnit.MILLISECONDS.toNanos(spec.stallMillis()) + TimeUnit.SECONDS.toNanos(30);
        Pinger pinger = new Pinger(spec.rate(), duration);
        Measurement m = new Measurement();
        boolean complete;
        // The driver carries every UDP message: it idles as the run's wait mode says, like the other threads
        try (AeronBridge local = AeronBridge.builder().name("aeron-rtt")
                .driverContext(c -> c.sharedIdleStrategy(Waits.idle(spec.waitMode()))).build()) {
            String ping = medium == Medium.IPC ? Channels.ipc() : Channels.udpLoopback(freeUdpPort());
            String pong = medium == Medium.IPC ? Channels.ipc() : Channels.udpLoopback(freeUdpPort());
            String echoDir = medium == Medium.IPC ? local.aeronDirectory() : "embedded";
            EchoProcess echo = EchoProcess.start(bridged, echoDir, ping, pong, spec.waitMode(), spec.capacity(),
                    TimeUnit.NANOSECONDS.toMillis(limitNanos));
            try {
                RoundTrip trip = bridged
                        ? new BridgeRoundTrip(local, ping, pong, spec.waitMode(), spec.capacity(), pinger)
                        : new RawRoundTrip(local, ping, pong, spec.waitMode(), pinger, limitNanos);
                try {
                    trip.start();
                    complete = pinger.done.await(pinger.tally::countOpaque, spec.stallMillis());
                } finally {
                    trip.close();                    // joins the pinger's thread: its counts are final
                }
            } finally {
                echo.close();                        // before the driver it may share goes
            }
        } catch (RuntimeException e) {
            return m.fail(e.toString());
        }
        if (!complete) {
            m.fail("no pong for " + spec.stallMillis() + " ms: a message was lost or a side is stuck");
        }
        Verdict v = new Verdict().check("pinger", pinger.tally, pinger.sent, Verdict.sumBelow(pinger.sent));
        if (pinger.outOfOrder > 0) {
            v.add(pinger.outOfOrder + " pong(s) out of order");
        }
        m.count(pinger.tally.count());
        m.histogram("rtt", pinger.recorder.finish());
        return m.verdict(v);
    }

    private static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
