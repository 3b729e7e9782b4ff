package io.ringbus;

/**
 * Creates the events that fill the ring once, when the bus is built. Producers then reuse them in place, so
 * publishing allocates nothing.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventFactory<E> {
    /** Returns a new, mutable event; never null. */
    E newInstance();
}
