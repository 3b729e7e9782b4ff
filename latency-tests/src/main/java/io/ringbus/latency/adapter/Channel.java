package io.ringbus.latency.adapter;

/** A running topology of one implementation: producers' senders in, stage handlers out. */
public interface Channel extends AutoCloseable {
    /** The sender for producer {@code index} (0-based, fewer than {@link Topology#producers()}). */
    Sender sender(int index);

    /** Starts the stage threads. */
    void start();

    /**
     * Lets every stage handle what was sent before the call, then stops and joins the stage threads.
     *
     * @throws IllegalStateException if the stages do not stop within {@link ChannelConfig#closeTimeoutMillis()}
     */
    @Override
    void close();

    /**
     * After {@link #close()}: what the implementation can tell about how the run went (events per batch,
     * producer stall time), so that a lockstep repetition and a decoupled one can be told apart; "" if nothing.
     */
    default String diagnostics() {
        return "";
    }
}
