package io.ringbus.aeron;

import io.ringbus.EventHandler;
import io.ringbus.PollState;
import io.ringbus.Poller;
import org.agrona.concurrent.Agent;

import java.util.Objects;

/**
 * A bus {@link Poller} as an Agrona {@link Agent}: each duty cycle hands what the poller has ready to a
 * handler, on the thread that runs the agent. With an {@link AeronSender} as the handler it is the sending
 * side of a bridge without a stage thread; composed with an {@link AeronReceiver} and other pollers by
 * {@link AeronBridge#startAgents}, one thread runs a whole bridge end, and no event changes threads between
 * the subscription and the publication.
 *
 * <p>The poller is a stage like any other: it gates the bus's producers, and a close of its bus waits for
 * it, so keep the agent running until the bus has closed ({@link AeronBridge#close()} does).
 *
 * @param <E> the event type
 */
public final class PollerAgent<E> implements Agent {
    private final Poller<E> poller;
    private final EventHandler<? super E> handler;
    private final int limit;

    /**
     * @param limit the most events one duty cycle hands over, &gt;= 1
     */
    public PollerAgent(Poller<E> poller, EventHandler<? super E> handler, int limit) {
        this.poller = Objects.requireNonNull(poller, "poller must not be null");
        this.handler = Objects.requireNonNull(handler, "handler must not be null");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be >= 1: " + limit);
        }
        this.limit = limit;
    }

    /** @return 1 if the poll took a slot, else 0 (nothing ready, gated, or the bus is closed) */
    @Override
    public int doWork() {
        return poller.poll(handler, limit) == PollState.PROCESSED ? 1 : 0;
    }

    @Override
    public String roleName() {
        return "ringbus-poller-" + poller.name();
    }
}
