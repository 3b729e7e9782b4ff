package io.ringbus;

import java.util.concurrent.TimeUnit;

/**
 * Claims slots, lets the caller fill them in place, and publishes them.
 *
 * <pre>{@code
 * long seq = publisher.claim();
 * try { fill(publisher.get(seq)); } catch (RuntimeException e) { publisher.abort(seq); throw e; }
 * publisher.publish(seq);
 * }</pre>
 *
 * <p>Ordering contract: after {@code publish(s)} returns, every stage will see the event with every write
 * made to it before the publish, exactly once, in sequence order, unless the bus is halted first. A
 * claimed sequence must be published or aborted; an aborted one is skipped by every stage. A claim never
 * overwrites a slot that a gating stage may still read. Claims after {@code close()} or {@code halt()}
 * throw {@link BusClosedException}. Negative return values of the claim methods are sentinels, and mean
 * nothing was claimed.
 *
 * <p>A stage's handler may publish into its own bus, but never wait for room there: its own progress is what
 * frees room. A claim from a stage thread that would have to wait for that stage throws
 * {@link IllegalStateException} naming the stage; in MULTI mode {@code claim()} has already taken its
 * sequence, so the bus also halts. Use {@code tryClaim} from handlers.
 *
 * @param <E> the event type
 */
public interface Publisher<E> {
    /** Returned by {@code tryClaim} when the ring has no room: nothing was claimed. */
    long INSUFFICIENT_CAPACITY = -1L;
    /** Returned by {@code claim(n, timeout, unit)} when the timeout elapsed: nothing was claimed. */
    long TIMED_OUT = -2L;
    /** Returned by {@code claim(n, timeout, unit)} when the thread was interrupted: nothing was claimed. */
    long INTERRUPTED = -3L;

    /** Claims one slot, waiting as the overflow policy says while the ring is full. Returns its sequence. */
    long claim();

    /**
     * Claims {@code n} consecutive slots, waiting as the overflow policy says while the ring is full.
     * The wait does not end on interrupt; the interrupt status is kept for the caller.
     *
     * @param n in [1, capacity]
     * @return the first claimed sequence; the last is {@code first + n - 1}
     */
    long claim(int n);

    /**
     * Claims {@code n} slots, waiting at most {@code timeout}.
     *
     * @return the first claimed sequence, or {@link #TIMED_OUT} or {@link #INTERRUPTED} with nothing claimed
     */
    long claim(int n, long timeout, TimeUnit unit);

    /** Claims one slot if there is room now; otherwise returns {@link #INSUFFICIENT_CAPACITY}. */
    long tryClaim();

    /** Claims {@code n} slots if there is room now; otherwise returns {@link #INSUFFICIENT_CAPACITY}. */
    long tryClaim(int n);

    /** The event in the slot of a claimed {@code sequence}, to fill before publishing. */
    E get(long sequence);

    /** Publishes a claimed sequence. Publishing twice, or a sequence never claimed, throws ISE. */
    void publish(long sequence);

    /**
     * Publishes the claimed range [lo, hi].
     *
     * @throws IllegalArgumentException if {@code lo < 0}, {@code hi < lo} or the range is longer than the
     *         capacity, with nothing published
     */
    void publish(long lo, long hi);

    /** Aborts a claimed sequence instead of publishing it: every stage skips the slot and nothing stalls. */
    void abort(long sequence);

    /** Aborts the claimed range [lo, hi]; rejects a bad range as {@link #publish(long, long)} does. */
    void abort(long lo, long hi);

    /**
     * Claims a slot, fills it with {@code translator} and publishes it. If the translator throws, the slot
     * is aborted and the exception is rethrown.
     */
    <A> void publishEvent(EventTranslatorOneArg<E, A> translator, A arg);

    /** No-argument form of {@link #publishEvent(EventTranslatorOneArg, Object)}. */
    void publishEvent(EventTranslator<E> translator);

    /**
     * A {@code long} argument, not boxed: publishing allocates nothing whatever its value. A name of its own,
     * not a {@code publishEvent} overload, so that an {@code int} or {@code long} passed to a one-argument
     * translator keeps binding to {@link #publishEvent(EventTranslatorOneArg, Object)}.
     */
    void publishEventLong(EventTranslatorLong<E> translator, long arg);

    /** Two-argument form of {@link #publishEvent(EventTranslatorOneArg, Object)}. */
    <A, B> void publishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1);

    /** Three-argument form of {@link #publishEvent(EventTranslatorOneArg, Object)}. */
    <A, B, C> void publishEvent(EventTranslatorThreeArg<E, A, B, C> translator, A arg0, B arg1, C arg2);

    /** Like {@code publishEvent}, but returns false with nothing claimed when the ring is full. */
    <A> boolean tryPublishEvent(EventTranslatorOneArg<E, A> translator, A arg);

    /** Two-argument form of {@link #tryPublishEvent(EventTranslatorOneArg, Object)}. */
    <A, B> boolean tryPublishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1);

    /**
     * Publishes {@code count} events in one claim: slot i is filled by {@code translator} from
     * {@code args[from + i]}, then all are published with one cursor store. One claim (and, by default, one
     * StoreLoad fence) for the batch instead of one per event. If the translator throws at index i, the
     * events before it are published, the rest of the claim is aborted, and the exception is rethrown.
     *
     * @param from  the first argument to use, in [0, args.length]
     * @param count how many events, in [1, capacity], with {@code from + count <= args.length}
     * @throws IllegalArgumentException if the range is empty, longer than the ring or outside {@code args}
     */
    <A> void publishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count);

    /** Like {@link #publishEvents}, but returns false with nothing claimed when the ring has no room for all. */
    <A> boolean tryPublishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count);

    /** An estimate of the free slots, always in [0, capacity]; exact only when nothing runs concurrently. */
    long remainingCapacity();
}
