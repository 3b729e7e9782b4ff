package io.ringbus;

/** Like {@link EventTranslatorOneArg}, with three arguments. */
@FunctionalInterface
public interface EventTranslatorThreeArg<E, A, B, C> {
    /**
     * Fills {@code event}, the slot of {@code sequence}, from the arguments.
     *
     * @param event    the preallocated event to fill in place
     * @param sequence its sequence
     * @param arg0     the first argument
     * @param arg1     the second argument
     * @param arg2     the third argument
     */
    void translateTo(E event, long sequence, A arg0, B arg1, C arg2);
}
