package io.ringbus;

import io.ringbus.internal.consumer.PollerNode;

import java.util.Objects;

/**
 * A pull consumer for a thread the caller owns, such as an event loop or an agent's duty cycle. It is a stage
 * of the graph like any other: it sees every event in order, gates the stages after it and the producer, and
 * a {@code close()} waits for it to catch up, so keep polling until {@link PollState#CLOSED}.
 *
 * <pre>{@code
 * Poller<Tick> poller = bus.newPoller("strategy");
 * bus.start();
 * while (poller.poll(handler, 256) != PollState.CLOSED) { idle.idle(); }
 * }</pre>
 *
 * <p>Call {@code poll} from one thread at a time. It never blocks.
 *
 * <p>Closing from the polling thread: a close waits for this poller to catch up, which it cannot do while
 * its own thread waits in {@code close()}. So {@code close()} throws {@link IllegalStateException} at once,
 * leaving the bus running, when it is called from inside a poll handler, or from the thread that last
 * polled while this poller has not finished every claimed event. Poll until {@link PollState#CLOSED} while
 * another thread closes, or catch up first and then close from the polling thread (events claimed after
 * that by other producers would then make the close wait for its timeout).
 *
 * @param <E> the event type
 */
public final class Poller<E> {
    /** Cached: {@code values()} clones its array on every call, and poll must not allocate. */
    private static final PollState[] STATES = PollState.values();

    private final RingBus<E> bus;
    private final PollerNode<E> node;

    Poller(RingBus<E> bus, PollerNode<E> node) {
        this.bus = bus;
        this.node = node;
    }

    /**
     * Handles up to {@code limit} ready events with {@code handler}; failures go to the bus's default
     * exception policy.
     *
     * @param limit &gt;= 1
     */
    public PollState poll(EventHandler<? super E> handler, int limit) {
        Objects.requireNonNull(handler, "handler");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        return STATES[node.poll(handler, limit).ordinal()];
    }

    /** The highest sequence this poller has finished. */
    public long sequence() {
        return node.minimumProgress();
    }

    public String name() {
        return node.name();
    }

    /** A group holding this poller, to run further stages after it. */
    public StageGroup<E> asGroup() {
        return new StageGroup<>(bus, java.util.List.of(node));
    }
}
