package io.ringbus;

/** Like {@link EventTranslatorOneArg}, with two arguments. */
@FunctionalInterface
public interface EventTranslatorTwoArg<E, A, B> {
    void translateTo(E event, long sequence, A arg0, B arg1);
}
