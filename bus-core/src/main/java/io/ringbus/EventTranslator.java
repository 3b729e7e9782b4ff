package io.ringbus;

/** Fills a claimed event with no argument (from the translator's own state, or a clock). See {@link EventTranslatorOneArg}. */
@FunctionalInterface
public interface EventTranslator<E> {
    /**
     * Fills {@code event}, the slot of {@code sequence}.
     *
     * @param event    the preallocated event to fill in place
     * @param sequence its sequence
     */
    void translateTo(E event, long sequence);
}
