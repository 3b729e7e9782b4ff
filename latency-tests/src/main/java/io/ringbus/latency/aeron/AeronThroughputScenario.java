package io.ringbus.latency.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.Subscription;
import io.ringbus.ExceptionPolicy;
import io.ringbus.Poller;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import io.ringbus.aeron.AeronBridge;
import io.ringbus.aeron.AeronSender;
import io.ringbus.aeron.PollerAgent;
import io.ringbus.aeron.SenderConfig;
import io.ringbus.latency.adapter.Adapter;
import io.ringbus.latency.adapter.Feature;
import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.latency.scenario.Kind;
import io.ringbus.latency.scenario.Measurement;
import io.ringbus.latency.scenario.RunSpec;
import io.ringbus.latency.scenario.ScenarioDefaults;
import io.ringbus.latency.scenario.Verdict;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * One-way throughput across processes over Aeron: this JVM sends a warm-up batch and then N 16-byte
 * messages, a sink in a second JVM takes them all and acknowledges the last of each; the rate is N over
 * the time from the first measured send to the last acknowledgement. {@code ringbus-aeron} publishes into a
 * bus from this thread while a bridge agent sends what the bus's poller hands it, and the sink is a receiver
 * and a bus on one agent thread; {@code ringbus-aeron-staged} sends from a stage and receives on the
 * receiver's thread into a bus stage; {@code aeron-raw} offers from this thread and counts in the sink's
 * poll handler.
 */
public final class AeronThroughputScenario extends AeronScenario {
    /** Sent and acknowledged before the clock starts: the sink JVM starts afresh in every run. */
    private static final long WARMUP_EVENTS = 1_000_000;
    /** A run that has not finished in this long has lost its sink: it fails rather than hangs. */
    private static final long HARD_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(60);

    public AeronThroughputScenario(Medium medium, ScenarioDefaults defaults) {
        super(medium, defaults);
    }

    @Override
    public String name() {
        return medium == Medium.IPC ? "tp-aeron-ipc" : "tp-aeron-udp";
    }

    @Override
    public String summary() {
        return "one-way throughput to a sink in another JVM over Aeron " + mediumLabel()
                + ": bridged buses vs raw Aeron";
    }

    @Override
    public Kind kind() {
        return Kind.THROUGHPUT;
    }

    @Override
    public Set<Feature> features() {
        return EnumSet.noneOf(Feature.class);
    }

    @Override
    public int busyThreads(WaitMode wait) {
        // Producer, sender and sink; over UDP both drivers too.
        return wait.burnsCore() ? (medium == Medium.UDP ? 5 : 3) : 1;
    }

    @Override
    public Measurement run(Adapter adapter, RunSpec spec, boolean warmup) {
        long events = spec.events();
        long warm = spec.warmupNanos() > 0 ? Math.min(events, WARMUP_EVENTS) : 0;
        AeronAdapter.Mode mode = ((AeronAdapter) adapter).mode();
        Measurement m = new Measurement();
        // A warm-up batch goes first, acknowledged before the clock starts.
        try (AeronBridge local = openBridge("aeron-tp", spec.waitMode())) {
            String data = newChannel();
            String acks = newChannel();
            EchoProcess sink = EchoProcess.start(SinkMain.class, List.of(mode.name(), partnerDirectory(local),
                    data, acks, spec.waitMode().label(), Integer.toString(spec.capacity()),
                    Long.toString(TimeUnit.NANOSECONDS.toMillis(HARD_LIMIT_NANOS)), Long.toString(warm),
                    Long.toString(events)));
            try (Subscription ackIn = local.aeron().addSubscription(acks, Ping.PONG_STREAM)) {
                Source source = mode == AeronAdapter.Mode.RAW ? new RawSource(local, data, spec.waitMode())
                        : new BusSource(local, data, spec.waitMode(), spec.capacity(), mode == AeronAdapter.Mode.AGENT);
                try {
                    awaitConnected(source::isConnected, ackIn);
                    long deadline = System.nanoTime() + HARD_LIMIT_NANOS;
                    IdleStrategy idle = Waits.idle(spec.waitMode());
                    if (warm > 0) {
                        source.send(0, warm, deadline);
                        if (awaitAck(ackIn, idle, deadline) == null) {
                            return m.fail("the warm-up was not acknowledged: a message was lost or a side is stuck");
                        }
                    }
                    long t0 = System.nanoTime();
                    source.send(warm, warm + events, deadline);
                    Ack ack = awaitAck(ackIn, idle, deadline);
                    long end = System.nanoTime();
                    if (ack == null) {
                        return m.fail("no acknowledgement within " + TimeUnit.NANOSECONDS.toSeconds(HARD_LIMIT_NANOS)
                                + " s: a message was lost or a side is stuck");
                    }
                    m.count(ack.count - warm).opsPerSecond(events * 1e9 / (end - t0));
                    Verdict v = new Verdict().check("sink", ack.count, ack.sum, warm + events,
                            Verdict.sumBelow(warm + events));
                    if (ack.outOfOrder > 0) {
                        v.add(ack.outOfOrder + " message(s) out of order");
                    }
                    m.verdict(v);
                } finally {
                    source.close();
                }
            } finally {
                sink.close();
                m.partnerCpuNanos(sink.cpuNanos());  // the sink is part of the system measured
            }
        } catch (RuntimeException e) {
            return m.fail(e.toString());
        }
        return m;
    }

    private static void awaitConnected(java.util.function.BooleanSupplier source, Subscription acks) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!(source.getAsBoolean() && acks.isConnected())) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException("not connected to the sink within 20 s");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    private static Ack awaitAck(Subscription acks, IdleStrategy idle, long deadline) {
        Ack[] got = new Ack[1];
        while (got[0] == null && System.nanoTime() - deadline < 0) {
            idle.idle(acks.poll((b, offset, length, header) -> got[0] = Ack.read(b, offset), 1));
        }
        return got[0];
    }

    /** The sending side of a run, driven from the measuring thread. */
    private interface Source extends AutoCloseable {
        boolean isConnected();

        /**
         * Sends values from..to-1 in order; throws if the deadline passes first (raw), or once the bus halts
         * because its sender gave up on a vanished sink (bridged: the sender's wait is bounded).
         */
        void send(long from, long to, long deadline);

        @Override
        void close();
    }

    /** A bus this thread publishes into, sent by a bridge agent (polling) or by a stage. */
    private static final class BusSource implements Source {
        private final RingBus<Ping> bus;
        private final AeronSender<Ping> sender;
        private final Publisher<Ping> publisher;

        BusSource(AeronBridge bridge, String channel, WaitMode wait, int capacity, boolean agent) {
            bus = RingBus.builder(Ping::new).name("aeron-tp").capacity(capacity)
                    .exceptionPolicy(ExceptionPolicy.haltBus())
                    .waitStrategy(Waits.ring(wait)).producerWaitStrategy(Waits.ring(wait)).build();
            sender = bridge.sender(channel, Ping.PING_STREAM, Ping.CODEC,
                    SenderConfig.defaults().idleStrategy(() -> Waits.idle(wait)));
            if (agent) {
                Poller<Ping> poller = bus.newPoller("send");
                bridge.startAgents("send", Waits.idle(wait), new PollerAgent<>(poller, sender, 256));
            } else {
                bus.handleEventsWith(StageSpec.of(sender).named("send"));
            }
            bus.start();
            publisher = bus.publisher();
        }

        @Override
        public boolean isConnected() {
            return sender.isConnected();
        }

        @Override
        public void send(long from, long to, long deadline) {
            for (long i = from; i < to; i++) {
                long seq = publisher.claim();
                publisher.get(seq).value = i;
                publisher.publish(seq);
            }
        }

        /** Closes the bus: everything published has been sent by then. The bridge closes the rest. */
        @Override
        public void close() {
            bus.close();
        }
    }

    /** An exclusive publication this thread offers to. */
    private static final class RawSource implements Source {
        private final ExclusivePublication out;
        private final IdleStrategy idle;
        private final UnsafeBuffer buffer = new UnsafeBuffer(new byte[Ping.LENGTH]);

        RawSource(AeronBridge bridge, String channel, WaitMode wait) {
            out = bridge.aeron().addExclusivePublication(channel, Ping.PING_STREAM);
            idle = Waits.idle(wait);
        }

        @Override
        public boolean isConnected() {
            return out.isConnected();
        }

        @Override
        public void send(long from, long to, long deadline) {
            for (long i = from; i < to; i++) {
                buffer.putLong(0, i);
                long result;
                while ((result = out.offer(buffer, 0, Ping.LENGTH)) < 0) {
                    if (result == Publication.CLOSED || System.nanoTime() - deadline > 0) {
                        throw new IllegalStateException("message " + i + " not sent: "
                                + Publication.errorString(result));
                    }
                    idle.idle();
                }
                idle.reset();
            }
        }

        @Override
        public void close() {
            out.close();
        }
    }
}
