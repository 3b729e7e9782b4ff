package io.ringbus.aeron;

import io.aeron.Aeron;
import io.aeron.ChannelUri;
import io.aeron.ExclusivePublication;
import io.aeron.Subscription;
import io.aeron.exceptions.AeronException;
import io.ringbus.Publisher;
import io.ringbus.RingBus;
import io.ringbus.aeron.internal.Closer;
import io.ringbus.aeron.internal.EmbeddedDriver;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.IdleStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Connects ringbus buses to Aeron: one Aeron client, with its own embedded media driver unless an external
 * one is configured, and the senders and receivers made from it.
 *
 * <pre>{@code
 * try (AeronBridge bridge = AeronBridge.launch()) {
 *     bus.handleEventsWith(bridge.sender(Channels.ipc(), 10, ORDER_ENCODER));
 *     bridge.receiver(Channels.ipc(), 10, ORDER_DECODER, matcherBus.publisher()).start();
 *     bridge.closeOnClose(matcherBus);
 *     ...
 * }
 * }</pre>
 *
 * <p>{@link #close()} shuts down in an order that loses nothing it can keep: it stops every receiver's
 * thread (no more claims into target buses), closes the buses registered with {@link #closeOnClose}, in
 * registration order (each delivers what was published, senders included, per the bus lifecycle), stops
 * the threads of {@link #startAgents}, then closes the publications and subscriptions, the client, and the
 * embedded driver, whose directory it deletes. To hand everything from an in-process sender to an
 * in-process receiver first, close the sending bus, then the sender, then
 * {@link AeronReceiver#awaitEndOfStream} before closing the bridge.
 *
 * <p>Within one bridge each (channel, stream id) has at most one sender and one receiver: a second would
 * interleave two streams, or deliver every message twice.
 */
public final class AeronBridge implements AutoCloseable {
    /** The longest close waits for a connected UDP sender's driver to transmit what it was given. */
    static final Duration TRANSMIT_TIMEOUT = Duration.ofSeconds(5);
    private final String name;
    private final EmbeddedDriver driver;
    private final Aeron aeron;
    private final AtomicLong errors;
    private final ErrorHandler errorHandler;
    private final List<AeronSender<?>> senders = new ArrayList<>();
    private final List<AeronReceiver<?>> receivers = new ArrayList<>();
    private final List<RingBus<?>> buses = new ArrayList<>();
    private final List<AgentRunner> runners = new ArrayList<>();
    private final Set<String> streams = new HashSet<>();
    private volatile boolean closing;
    private boolean closed;

    private AeronBridge(String name, EmbeddedDriver driver, Aeron aeron, AtomicLong errors, ErrorHandler handler) {
        this.name = name;
        this.driver = driver;
        this.aeron = aeron;
        this.errors = errors;
        this.errorHandler = handler;
    }

    public static AeronBridgeBuilder builder() {
        return new AeronBridgeBuilder();
    }

    /** A bridge with its own embedded driver and the defaults. */
    public static AeronBridge launch() {
        return builder().build();
    }

    static AeronBridge open(AeronBridgeBuilder b) {
        AtomicLong errors = new AtomicLong();
        ErrorHandler user = b.errorHandler != null ? b.errorHandler : AeronBridge::log;
        ErrorHandler counting = e -> {
            errors.incrementAndGet();
            user.onError(e);
        };
        EmbeddedDriver driver = b.externalDirectory == null ? EmbeddedDriver.launch(b.embeddedParent, b.name, b.driverCustomizer, counting) : null;
        String dir = driver != null ? driver.directory() : b.externalDirectory;
        Aeron.Context ctx = new Aeron.Context().aeronDirectoryName(dir).errorHandler(counting)
                .driverTimeoutMs(b.driverTimeout.toMillis());
        b.clientCustomizer.accept(ctx);
        try {
            return new AeronBridge(b.name, driver, Aeron.connect(ctx), errors, counting);
        } catch (RuntimeException e) {
            Closer.closeQuietly(driver);
            throw new IllegalStateException("no media driver answered in aeron.dir '" + dir + "' within "
                    + b.driverTimeout.toMillis() + " ms: " + e.getMessage(), e);
        }
    }

    /** A sender on {@code aeron:ipc} with the default options. */
    public <E> AeronSender<E> sender(int streamId, EventEncoder<? super E> encoder) {
        return sender(Channels.ipc(), streamId, encoder, SenderConfig.defaults());
    }

    /** A sender with the default options: see {@link #sender(String, int, EventEncoder, SenderConfig)}. */
    public <E> AeronSender<E> sender(String channel, int streamId, EventEncoder<? super E> encoder) {
        return sender(channel, streamId, encoder, SenderConfig.defaults());
    }

    /**
     * A stage that sends each event it handles on an exclusive publication of {@code channel} and
     * {@code streamId}. Add it to a bus with {@code handleEventsWith} or {@code then}.
     *
     * @throws IllegalArgumentException if the channel is not a valid ipc or udp URI, the driver rejects it,
     *         or this bridge already has a sender on that channel and stream
     */
    public synchronized <E> AeronSender<E> sender(String channel, int streamId, EventEncoder<? super E> encoder,
                                                  SenderConfig config) {
        Objects.requireNonNull(encoder, "encoder must not be null");
        Objects.requireNonNull(config, "config must not be null");
        String key = claimStream("sender", channel, streamId);
        try {
            ExclusivePublication pub = aeron.addExclusivePublication(channel, streamId);
            AeronSender<E> sender = new AeronSender<>(pub, encoder, config, () -> closing, aeron.countersReader());
            senders.add(sender);
            return sender;
        } catch (AeronException e) {
            streams.remove(key);
            throw new IllegalArgumentException("channel '" + channel + "' rejected by the media driver: "
                    + e.getMessage(), e);
        }
    }

    /** A receiver on {@code aeron:ipc} with the default options. */
    public <E> AeronReceiver<E> receiver(int streamId, EventDecoder<? super E> decoder, Publisher<E> target) {
        return receiver(Channels.ipc(), streamId, decoder, target, ReceiverConfig.defaults());
    }

    /** A receiver with the default options: see {@link #receiver(String, int, EventDecoder, Publisher, ReceiverConfig)}. */
    public <E> AeronReceiver<E> receiver(String channel, int streamId, EventDecoder<? super E> decoder,
                                         Publisher<E> target) {
        return receiver(channel, streamId, decoder, target, ReceiverConfig.defaults());
    }

    /**
     * A receiver that publishes every message of {@code channel} and {@code streamId} into {@code target}.
     * Call {@link AeronReceiver#start()} to run it on its own thread, or poll it from yours.
     *
     * @throws IllegalArgumentException as {@link #sender} does
     */
    public synchronized <E> AeronReceiver<E> receiver(String channel, int streamId, EventDecoder<? super E> decoder,
                                                      Publisher<E> target, ReceiverConfig config) {
        Objects.requireNonNull(decoder, "decoder must not be null");
        Objects.requireNonNull(target, "target must not be null");
        Objects.requireNonNull(config, "config must not be null");
        String key = claimStream("receiver", channel, streamId);
        try {
            Subscription sub = aeron.addSubscription(channel, streamId);
            AeronReceiver<E> receiver = new AeronReceiver<>(sub, target, decoder, config,
                    name + "-receiver-" + streamId, errorHandler);
            receivers.add(receiver);
            return receiver;
        } catch (AeronException e) {
            streams.remove(key);
            throw new IllegalArgumentException("channel '" + channel + "' rejected by the media driver: "
                    + e.getMessage(), e);
        }
    }

    private String claimStream(String role, String channel, int streamId) {
        if (closed) {
            throw new IllegalStateException(role + "(): the bridge is closed");
        }
        if (aeron.isClosed()) {
            throw new IllegalStateException(role + "(): the Aeron client has closed, most likely after a driver "
                    + "timeout (see errors()); close this bridge and build a new one");
        }
        Channels.check(channel);
        String key = role + ' ' + ChannelUri.parse(channel) + ' ' + streamId;
        if (!streams.add(key)) {
            throw new IllegalArgumentException("streamId " + streamId + " on channel '" + channel
                    + "' already has a " + role + " in this bridge; use one " + role + " per channel and stream");
        }
        return key;
    }

    /**
     * Runs {@code agents} in turn on one new daemon thread, {@code <bridge>-<name>}, idling with
     * {@code idle} when a whole duty cycle found no work: receivers (not {@link AeronReceiver#start started}
     * on their own threads), {@link PollerAgent}s and any other Agrona agent. One thread then carries a
     * message from the subscription through the bus to the publication, with no hand-off between threads.
     * The bridge stops the thread on {@link #close()}, after the buses registered with {@link #closeOnClose}
     * have closed, so pollers among the agents drain their buses first.
     *
     * @throws IllegalArgumentException if no agent is given, one is null, or a receiver among them already
     *         runs on a thread (its own, or one of {@code startAgents})
     * @throws IllegalStateException if the bridge is closed
     */
    public synchronized AgentRunner startAgents(String name, IdleStrategy idle, Agent... agents) {
        Objects.requireNonNull(name, "name must not be null");
        Objects.requireNonNull(idle, "idle must not be null");
        if (closed) {
            throw new IllegalStateException("startAgents(): the bridge is closed");
        }
        String threadName = this.name + "-" + name;
        AgentRunner runner = AgentThreads.start(threadName, idle, errorHandler,
                AgentThreads.compose(name, threadName, agents));
        runners.add(runner);
        return runner;
    }

    /** Registers a bus for {@link #close()} to close after the receivers stop and before the client closes. */
    public synchronized <B extends RingBus<?>> B closeOnClose(B bus) {
        Objects.requireNonNull(bus, "bus must not be null");
        if (closed) {
            throw new IllegalStateException("closeOnClose(): the bridge is closed");
        }
        buses.add(bus);
        return bus;
    }

    /** The Aeron client, for what the bridge does not cover; do not close it. */
    public Aeron aeron() {
        return aeron;
    }

    /** The media driver's directory: the embedded driver's own, or the external one. */
    public String aeronDirectory() {
        return aeron.context().aeronDirectoryName();
    }

    /** True if this bridge launched its own driver. */
    public boolean hasEmbeddedDriver() {
        return driver != null;
    }

    /** Errors the Aeron client, the embedded driver and the receivers' agents reported. */
    public long errors() {
        return errors.get();
    }

    /**
     * Stops the receivers, closes the registered buses, stops the threads of {@link #startAgents}, then
     * closes the publications, subscriptions, the client and the embedded driver, deleting its directory.
     * Idempotent. The first failure is rethrown at the end, the others attached to it, after every step has
     * run.
     */
    @Override
    public void close() {
        List<AutoCloseable> steps = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            for (AeronReceiver<?> r : receivers) {
                steps.add(r::stop);
            }
            steps.addAll(buses);
            steps.add(() -> closing = true);   // a sender still retrying (a bus close timed out) gives up
            steps.addAll(runners);             // after the buses: their pollers have drained them
            for (AeronSender<?> s : senders) {
                steps.add(() -> s.awaitTransmitted(TRANSMIT_TIMEOUT));   // before the driver goes
            }
            steps.addAll(senders);
            steps.addAll(receivers);
            steps.add(aeron);
            if (driver != null) {
                steps.add(driver);
            }
        }
        Closer.closeAll(steps);
    }

    private static void log(Throwable error) {
        System.getLogger("io.ringbus.aeron").log(System.Logger.Level.WARNING, "aeron: " + error, error);
    }

    @Override
    public String toString() {
        return "AeronBridge{" + name + ", aeron.dir=" + aeronDirectory() + (driver != null ? " (embedded)" : "")
                + ", senders=" + senders.size() + ", receivers=" + receivers.size() + '}';
    }
}
