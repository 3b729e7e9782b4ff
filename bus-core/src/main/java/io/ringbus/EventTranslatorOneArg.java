package io.ringbus;

/**
 * Fills a claimed event from one argument. Pass a non-capturing lambda or a constant, so that publishing
 * allocates nothing. If it throws, the slot is aborted, never published half-written, and the exception
 * reaches the publisher.
 */
@FunctionalInterface
public interface EventTranslatorOneArg<E, A> {
    void translateTo(E event, long sequence, A arg);
}
