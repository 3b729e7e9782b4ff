package io.ringbus.latency.aeron;

import io.ringbus.aeron.AeronBridge;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.Measurement;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.ScenarioDefaults;
import io.ringbus.latency.scenario.Verdict;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Round trip across processes over Aeron: pings leave this JVM, an echo in a second JVM sends each back,
 * and the pinger records the round trip, closed loop as in {@code lat-pingpong}. {@code ringbus-aeron} puts
 * buses on each end, run with their receiver and sender on one agent thread per side;
 * {@code ringbus-aeron-staged} runs the same buses with a thread per part; {@code aeron-raw} offers and
 * polls on the same channels with no bus, the floor the bridge is measured against. Over IPC the echo
 * connects to this JVM's embedded driver; over UDP each side has its own driver and talks on 127.0.0.1
 * only.
 */
public final class AeronRoundTripScenario extends AeronScenario {
    /** Threads a staged round trip keeps busy: 3 on this side, 2 in the echo, and the driver(s). */
    private static final int STAGED_THREADS = 6;

    public AeronRoundTripScenario(Medium medium, ScenarioDefaults defaults) {
        super(medium, defaults);
    }

    @Override
    public String name() {
        return medium == Medium.IPC ? "lat-aeron-ipc" : "lat-aeron-udp";
    }

    @Override
    public String summary() {
        return "round trip to an echo in another JVM over Aeron " + mediumLabel()
                + ": bridged buses vs raw Aeron (closed loop)";
    }

    @Override
    public Kind kind() {
        return Kind.LATENCY;
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.of(Feature.ROUND_TRIP);
    }

    @Override
    public int busyThreads(WaitMode wait) {
        // The two sides spin in busy-spin mode, and over UDP both drivers too (ringbus-aeron-staged: see below).
        return wait.burnsCore() ? (medium == Medium.UDP ? 4 : 2) : 1;
    }

    @Override
    public String unsupportedReason(Adapter adapter, WaitMode wait) {
        String reason = super.unsupportedReason(adapter, wait);
        if (reason != null) {
            return reason;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        boolean staged = ((AeronAdapter) adapter).mode() == AeronAdapter.Mode.STAGED;
        if (wait.burnsCore() && staged && cores < STAGED_THREADS) {
            return "a thread per part spins " + STAGED_THREADS + " threads, more than the " + cores
                    + " cores here: it would measure the scheduler; use yield";
        }
        return null;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) throws InterruptedException {
        long duration = spec.durationNanos();
        AeronAdapter.Mode mode = ((AeronAdapter) adapter).mode();
        long limitNanos = spec.warmupNanos() + duration + TimeUnit.MILLISECONDS.toNanos(spec.stallMillis())
                + TimeUnit.SECONDS.toNanos(30);
        Pinger pinger = new Pinger(spec.rate(), spec.warmupNanos(), duration);
        Measurement m = new Measurement();
        boolean complete;
        // Pings of the run's first warm-up period go unrecorded (the Pinger's warm-up).
        try (AeronBridge local = openBridge("aeron-rtt", spec.waitMode())) {
            String ping = newChannel();
            String pong = newChannel();
            EchoProcess echo = EchoProcess.start(mode, partnerDirectory(local), ping, pong, spec.waitMode(),
                    spec.capacity(), TimeUnit.NANOSECONDS.toMillis(limitNanos));
            try {
                RoundTrip trip = switch (mode) {
                    case AGENT -> new AgentRoundTrip(local, ping, pong, spec.waitMode(), spec.capacity(), pinger);
                    case STAGED -> new StagedRoundTrip(local, ping, pong, spec.waitMode(), spec.capacity(), pinger);
                    case RAW -> new RawRoundTrip(local, ping, pong, spec.waitMode(), pinger, limitNanos);
                };
                try {
                    trip.start();
                    complete = pinger.done.await(pinger.tally::countOpaque, spec.stallMillis());
                } finally {
                    trip.close();                    // joins the pinger's thread: its counts are final
                }
            } finally {
                echo.close();                        // before the driver it may share goes
                m.partnerCpuNanos(echo.cpuNanos());  // the echo is part of the system measured
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
        m.histogram("rtt", pinger.finish());
        return m.verdict(v);
    }
}
