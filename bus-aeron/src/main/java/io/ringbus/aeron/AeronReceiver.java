package io.ringbus.aeron;

import io.aeron.ControlledFragmentAssembler;
import io.aeron.Image;
import io.aeron.Subscription;
import io.aeron.logbuffer.ControlledFragmentHandler.Action;
import io.aeron.logbuffer.Header;
import io.ringbus.BusClosedException;
import io.ringbus.Publisher;
import io.ringbus.aeron.internal.Counter;
import org.agrona.DirectBuffer;
import org.agrona.ErrorHandler;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Takes messages off an Aeron subscription and publishes each into a claimed slot of a target bus: claim,
 * decode, publish. Fragmented messages are reassembled first, by a {@code ControlledFragmentAssembler}: the
 * controlled form lets a message that the full ring cannot take stay on the subscription. Get one from
 * {@link AeronBridge#receiver}.
 *
 * <p>Run it on its own thread with {@link #start()}, or drive it from a thread you own through
 * {@link #poll()} or as an Agrona {@link Agent} ({@link #doWork()}); from one thread at a time either way.
 *
 * <p>When the target ring is full the message is left on the subscription (the poll aborts on it) and is
 * taken again on the next poll: the ring's back-pressure reaches the sender through Aeron's flow control,
 * and nothing is dropped. A message that does not decode has its slot aborted, so no stage sees it; it is
 * counted in {@link #decodeFailures()} and handed to the decode failure handler. Once the target bus is
 * closed the receiver stops taking messages and {@link #isTargetClosed()} turns true.
 *
 * @param <E> the event type
 */
public final class AeronReceiver<E> implements Agent, AutoCloseable {
    private final Subscription subscription;
    private final Publisher<E> target;
    private final EventDecoder<? super E> decoder;
    private final ReceiverConfig config;
    private final ControlledFragmentAssembler assembler;
    private final Counter received = new Counter();
    private final Counter decodeFailures = new Counter();
    private final Counter ringFull = new Counter();
    /** The name of the thread {@link #start()} runs it on. */
    private final String threadName;
    private final ErrorHandler agentErrors;
    private volatile boolean targetClosed;
    private volatile boolean closed;
    private AgentRunner runner;
    /** The {@code startAgents} thread that polls this receiver, or null. */
    private String agentThread;

    AeronReceiver(Subscription subscription, Publisher<E> target, EventDecoder<? super E> decoder,
                  ReceiverConfig config, String threadName, ErrorHandler agentErrors) {
        this.subscription = subscription;
        this.target = target;
        this.decoder = decoder;
        this.config = config;
        this.threadName = threadName;
        this.agentErrors = agentErrors;
        this.assembler = new ControlledFragmentAssembler(this::onMessage);
    }

    /**
     * Starts polling on a new daemon thread, {@code <bridge>-receiver-<streamId>}, idling with the
     * configured strategy.
     *
     * @throws IllegalStateException if already started or closed
     */
    public synchronized AeronReceiver<E> start() {
        if (closed || runner != null) {
            throw new IllegalStateException("start(): the receiver was already " + (closed ? "closed" : "started"));
        }
        if (agentThread != null) {
            throw new IllegalStateException("start(): the receiver already runs on the agent thread '"
                    + agentThread + "'");
        }
        runner = AgentThreads.start(threadName, config.newIdleStrategy(), agentErrors, this);
        return this;
    }

    /**
     * Takes this receiver for a {@code startAgents} thread: a subscription is polled by one thread.
     *
     * @return null if taken, else why not
     */
    synchronized String runOn(String thread) {
        if (runner != null) {
            return "already runs on a thread of its own";
        }
        if (agentThread != null) {
            return "already runs on the agent thread '" + agentThread + "'";
        }
        agentThread = thread;
        return null;
    }

    /** Gives back what {@link #runOn} took, when the agent thread is not started after all. */
    synchronized void releaseAgentThread() {
        agentThread = null;
    }

    /** Polls once: handles up to the fragment limit; returns the number of fragments handled. */
    public int poll() {
        if (targetClosed || closed) {
            return 0;
        }
        return subscription.controlledPoll(assembler, config.fragmentLimit());
    }

    @Override
    public int doWork() {
        return poll();
    }

    private Action onMessage(DirectBuffer buffer, int offset, int length, Header header) {
        long seq;
        try {
            seq = target.tryClaim();
        } catch (BusClosedException e) {
            targetClosed = true;
            return Action.ABORT;           // left on the subscription: the bus will take no more
        }
        if (seq < 0) {
            ringFull.increment();
            return Action.ABORT;           // taken again on the next poll, once the ring has room
        }
        try {
            decoder.decode(buffer, offset, length, target.get(seq));
        } catch (Exception | Error e) {
            target.abort(seq);
            decodeFailures.increment();
            reportDecodeFailure(e, length, header);
            if (e instanceof Error) {
                throw (Error) e;
            }
            return Action.CONTINUE;
        }
        target.publish(seq);
        received.increment();
        return Action.CONTINUE;
    }

    private void reportDecodeFailure(Throwable e, int length, Header header) {
        DecodeException failure = new DecodeException("message of " + length + " bytes at position "
                + header.position() + " of session " + header.sessionId() + " on " + subscription.channel()
                + " stream " + subscription.streamId() + " did not decode; its slot was aborted", e,
                decodeFailures.get());
        try {
            config.decodeFailureHandler().onError(failure);
        } catch (RuntimeException handlerFailure) {
            agentErrors.onError(handlerFailure);   // a failing handler must not stop the receiver
        }
    }

    /**
     * True once every publisher this receiver heard from has ended its stream and the receiver has taken
     * every message of it: a sender closed after its bus drained has been fully received. A publisher whose
     * image has not connected yet is not heard from, so after a restart this can still describe the previous
     * publisher: wait for the new one's events (or its image) first.
     */
    public boolean isEndOfStream() {
        int images = subscription.imageCount();
        for (int i = 0; i < images; i++) {
            Image image;
            try {
                image = subscription.imageAtIndex(i);
            } catch (IndexOutOfBoundsException raced) {
                return false;                      // the image list changed: look again later
            }
            if (!image.isEndOfStream() && !image.isClosed()) {
                return false;
            }
        }
        return received.get() + decodeFailures.get() > 0 || images > 0;
    }

    /**
     * Waits until {@link #isEndOfStream()} while the receiver runs on its own thread.
     *
     * @return true if the stream ended in time
     */
    public boolean awaitEndOfStream(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!isEndOfStream()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        return true;
    }

    /** Messages decoded and published into the target bus. */
    public long received() {
        return received.get();
    }

    /** Messages that did not decode: their slots were aborted. */
    public long decodeFailures() {
        return decodeFailures.get();
    }

    /** Polls that found the target ring full and left the message for the next poll. */
    public long ringFullRetries() {
        return ringFull.get();
    }

    /** True once a claim found the target bus closed: the receiver takes no more messages. */
    public boolean isTargetClosed() {
        return targetClosed;
    }

    /** True while at least one publisher is connected. */
    public boolean isConnected() {
        return subscription.isConnected();
    }

    public String channel() {
        return subscription.channel();
    }

    public int streamId() {
        return subscription.streamId();
    }

    @Override
    public String roleName() {
        return "ringbus-aeron-receiver-" + subscription.streamId();
    }

    /** Stops the agent thread if started (joining it), then closes the subscription. Idempotent. */
    @Override
    public void close() {
        stop();
        subscription.close();
    }

    /** Stops the agent thread if started, joining it; the subscription stays open. Idempotent. */
    synchronized void stop() {
        closed = true;
        if (runner != null) {
            runner.close();
        }
    }

    @Override
    public String toString() {
        return "AeronReceiver{" + channel() + " stream " + streamId() + ", received=" + received()
                + ", decodeFailures=" + decodeFailures() + ", ringFullRetries=" + ringFullRetries() + '}';
    }
}
