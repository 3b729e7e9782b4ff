package io.ringbus.aeron;

import io.aeron.ExclusivePublication;
import io.aeron.Publication;
import io.aeron.logbuffer.BufferClaim;
import io.ringbus.EventHandler;
import io.ringbus.aeron.internal.Counter;
import io.ringbus.aeron.internal.Transmission;
import org.agrona.ExpandableDirectByteBuffer;
import org.agrona.MutableDirectBuffer;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.UnsafeBuffer;
import org.agrona.concurrent.status.CountersReader;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A bus stage that sends every event it handles as one Aeron message, in sequence order, on an exclusive
 * publication. Add it with {@code handleEventsWith} or {@code then}; get one from
 * {@link AeronBridge#sender}. One sender per stage: it is not thread-safe, and it is the publication's only
 * writer.
 *
 * <p>A message that fits one frame ({@code maxPayloadLength}) is encoded straight into the term buffer with
 * {@code tryClaim}; a longer one, up to {@code maxMessageLength}, is encoded into a reused buffer and
 * offered. Back-pressure and admin actions are retried through the idle strategy for as long as they last,
 * so while a subscriber is connected nothing is dropped: the ring fills and producers feel it. A send that
 * finds no subscriber, or a closed publication, goes to the {@link DisconnectPolicy}. Whatever fails is
 * thrown into the stage's exception policy with nothing of the event sent. Nothing allocates per message.
 *
 * @param <E> the event type
 */
public final class AeronSender<E> implements EventHandler<E>, AutoCloseable {
    private final ExclusivePublication publication;
    private final EventEncoder<? super E> encoder;
    private final DisconnectPolicy policy;
    private final IdleStrategy idle;
    private final BooleanSupplier closing;
    private final CountersReader counters;
    private final BufferClaim claim = new BufferClaim();
    private final ExpandableDirectByteBuffer scratch = new ExpandableDirectByteBuffer(0);
    private final UnsafeBuffer window = new UnsafeBuffer(0, 0);
    private final Counter sent = new Counter();
    private final Counter backPressured = new Counter();
    private final Counter notConnected = new Counter();
    private final Counter dropped = new Counter();
    private final Counter failed = new Counter();
    private final int maxPayloadLength;
    private final int maxMessageLength;
    /** Set when a wait for a subscriber timed out: later events fail at once until one connects. */
    private boolean gaveUpWaiting;

    AeronSender(ExclusivePublication publication, EventEncoder<? super E> encoder, SenderConfig config,
                BooleanSupplier closing, CountersReader counters) {
        this.counters = counters;
        this.publication = publication;
        this.encoder = encoder;
        this.policy = config.disconnectPolicy();
        this.idle = config.newIdleStrategy();
        this.closing = closing;
        this.maxPayloadLength = publication.maxPayloadLength();
        this.maxMessageLength = publication.maxMessageLength();
    }

    @Override
    public void onEvent(E event, long sequence, boolean endOfBatch) throws Exception {
        int length;
        try {
            length = encoder.encodedLength(event);
        } catch (Exception | Error e) {
            failed.increment();
            throw e;
        }
        if (length < 0 || length > maxMessageLength) {
            failed.increment();
            throw new IllegalArgumentException("encodedLength must be in [0, maxMessageLength " + maxMessageLength
                    + "] of " + publication.channel() + " stream " + publication.streamId() + ": " + length
                    + " (event " + sequence + " not sent)");
        }
        boolean sentNow = length <= maxPayloadLength ? sendClaimed(event, length) : sendOffered(event, length);
        if (sentNow) {
            sent.increment();
        }
    }

    /** Encodes into the term buffer; true once committed, false if the policy dropped it. */
    private boolean sendClaimed(E event, int length) throws Exception {
        long waitStart = 0;
        for (;;) {
            long result = publication.tryClaim(length, claim);
            if (result > 0) {
                encodeInto(event, claim.buffer(), claim.offset(), length, true);
                claim.commit();
                return done();
            }
            waitStart = refused(result, waitStart);
            if (waitStart < 0) {
                return false;
            }
        }
    }

    /** Encodes once into the reused buffer, then offers it until it goes; false if the policy dropped it. */
    private boolean sendOffered(E event, int length) throws Exception {
        scratch.checkLimit(length);
        window.wrap(scratch, 0, length);
        encodeInto(event, window, 0, length, false);
        long waitStart = 0;
        for (;;) {
            long result = publication.offer(window, 0, length);
            if (result > 0) {
                return done();
            }
            waitStart = refused(result, waitStart);
            if (waitStart < 0) {
                return false;
            }
        }
    }

    private void encodeInto(E event, MutableDirectBuffer buffer, int offset, int length, boolean claimed)
            throws Exception {
        int written;
        try {
            written = encoder.encode(event, buffer, offset);
        } catch (Exception | Error e) {
            abandon(claimed);
            throw e;
        }
        if (written != length) {
            abandon(claimed);
            throw new IllegalStateException("encode must write encodedLength bytes: wrote " + written
                    + ", encodedLength said " + length + " (event not sent)");
        }
    }

    private void abandon(boolean claimed) {
        if (claimed) {
            claim.abort();         // the frame becomes padding: the subscriber never sees it
        }
        failed.increment();
    }

    private boolean done() {
        gaveUpWaiting = false;
        idle.reset();
        return true;
    }

    /**
     * Handles a refused send: idles and returns the wait start (0 if not waiting) to retry, returns -1 to
     * drop, or throws to fail.
     */
    private long refused(long result, long waitStart) {
        if (result == Publication.BACK_PRESSURED || result == Publication.ADMIN_ACTION) {
            backPressured.increment();
            checkNotClosing();
            idle.idle();
            return waitStart;
        }
        boolean closed = result == Publication.CLOSED;
        if (!closed && result != Publication.NOT_CONNECTED) {
            failed.increment();
            throw new IllegalStateException("send refused by " + publication.channel() + " stream "
                    + publication.streamId() + ": " + Publication.errorString(result));
        }
        if (waitStart == 0) {
            notConnected.increment();    // once per event, however long it waits
        }
        switch (policy.kind()) {
            case DROP:
                dropped.increment();
                idle.reset();
                return -1;
            case FAIL:
                throw notConnected(closed, "policy fail()");
            default:
                return waitForSubscriber(closed, waitStart);
        }
    }

    private long waitForSubscriber(boolean closed, long waitStart) {
        if (closed || gaveUpWaiting) {
            throw notConnected(closed, gaveUpWaiting ? "still no subscriber after an earlier timeout" : "closed");
        }
        long now = System.nanoTime();
        long start = waitStart == 0 ? now | 1 : waitStart;   // never 0: 0 means "not waiting"
        if (now - start > policy.waitNanos()) {
            gaveUpWaiting = true;
            throw notConnected(false, "waited " + policy);
        }
        checkNotClosing();
        idle.idle();
        return start;
    }

    private void checkNotClosing() {
        if (closing.getAsBoolean()) {
            failed.increment();
            throw new NotConnectedException("the bridge is closing: event not sent on " + publication.channel()
                    + " stream " + publication.streamId());
        }
    }

    private NotConnectedException notConnected(boolean closed, String why) {
        failed.increment();
        idle.reset();
        return new NotConnectedException((closed ? "publication closed" : "no subscriber connected") + " on "
                + publication.channel() + " stream " + publication.streamId() + " (" + why + "): event not sent");
    }

    /** Events committed to the publication. */
    public long sent() {
        return sent.get();
    }

    /** Sends retried because of back-pressure or an admin action: a measure of how often the peer lagged. */
    public long backPressuredRetries() {
        return backPressured.get();
    }

    /** Events that met no subscriber or a closed publication, whatever the policy then did. */
    public long notConnected() {
        return notConnected.get();
    }

    /** Events dropped by {@link DisconnectPolicy#countAndDrop()}. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Failures thrown into the stage's exception policy: too long, encoder failures, not connected, closing;
     * each attempt, if the policy retries.
     */
    public long failed() {
        return failed.get();
    }

    public boolean isConnected() {
        return publication.isConnected();
    }

    public String channel() {
        return publication.channel();
    }

    public int streamId() {
        return publication.streamId();
    }

    /** The longest message sent in one frame, encoded in place with {@code tryClaim}. */
    public int maxPayloadLength() {
        return maxPayloadLength;
    }

    /** The longest message this sender can send. */
    public int maxMessageLength() {
        return maxMessageLength;
    }

    /**
     * Waits, while a subscriber is connected, until the driver has transmitted everything committed to a UDP
     * publication, so that closing the driver right after loses nothing on a loss-free path. Returns at once
     * for IPC, whose log the subscriber reads directly. Call after the sending bus has closed.
     *
     * @return true if everything was transmitted (or there was nothing to wait for) within the timeout
     */
    public boolean awaitTransmitted(Duration timeout) {
        return Transmission.await(publication, counters, timeout);
    }

    /**
     * Closes the publication; a subscriber sees the end of the stream once it has taken everything. Close
     * the bus this stage belongs to first, so that the stage has sent everything.
     */
    @Override
    public void close() {
        publication.close();
    }

    @Override
    public String toString() {
        return "AeronSender{" + channel() + " stream " + streamId() + ", sent=" + sent() + ", backPressuredRetries="
                + backPressuredRetries() + ", notConnected=" + notConnected() + ", dropped=" + dropped()
                + ", failed=" + failed() + '}';
    }
}
