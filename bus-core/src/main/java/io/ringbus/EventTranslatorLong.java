package io.ringbus;

/**
 * Fills a claimed event from a {@code long}, without boxing it: an order id, a price in ticks, a timestamp.
 * A {@code long} passed to {@link EventTranslatorOneArg} would be boxed, which allocates for most values.
 */
@FunctionalInterface
public interface EventTranslatorLong<E> {
    /**
     * Fills {@code event}, the slot of {@code sequence}, from {@code arg}.
     *
     * @param event    the preallocated event to fill in place
     * @param sequence its sequence
     * @param arg      the value
     */
    void translateTo(E event, long sequence, long arg);
}
