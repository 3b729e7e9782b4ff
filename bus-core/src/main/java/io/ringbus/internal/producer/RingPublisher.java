package io.ringbus.internal.producer;

import io.ringbus.ClaimTimeoutException;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.EventTranslatorTwoArg;
import io.ringbus.OverflowPolicy;
import io.ringbus.Publisher;
import io.ringbus.RingFullException;
import io.ringbus.internal.ring.RingStorage;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The {@link Publisher} over a {@link Sequencer}: applies the overflow policy and runs translators. */
public final class RingPublisher<E> implements Publisher<E> {
    private final Sequencer sequencer;
    private final RingStorage<E> ring;
    private final OverflowPolicy overflow;
    /** The default policy, tested first with one compare of a final field: no switch on the hot path. */
    private final boolean blocks;

    public RingPublisher(Sequencer sequencer, RingStorage<E> ring, OverflowPolicy overflow) {
        this.sequencer = sequencer;
        this.ring = ring;
        this.overflow = overflow;
        this.blocks = overflow.kind() == OverflowPolicy.Kind.BLOCK;
    }

    @Override
    public long claim() {
        return blocks ? sequencer.claim(1) : claimBounded(1);
    }

    @Override
    public long claim(int n) {
        return blocks ? sequencer.claim(n) : claimBounded(n);
    }

    /** A claim under a fail-fast or timeout policy. */
    private long claimBounded(int n) {
        switch (overflow.kind()) {
            case FAIL_FAST: {
                long seq = sequencer.tryClaim(n);
                if (seq < 0) {
                    throw new RingFullException("ring is full: no room for " + n + " slot(s) (capacity "
                            + sequencer.capacity() + ", overflow policy failFast)");
                }
                return seq;
            }
            case TIMEOUT: {
                long seq = sequencer.claim(n, overflow.timeoutNanos());
                if (seq == Sequencer.TIMED_OUT || seq == Sequencer.INTERRUPTED) {
                    throw new ClaimTimeoutException("no room for " + n + " slot(s) within "
                            + overflow.timeoutNanos() + " ns" + (seq == Sequencer.INTERRUPTED ? " (interrupted)" : "")
                            + "; nothing was claimed");
                }
                return seq;
            }
            default:
                return sequencer.claim(n);
        }
    }

    @Override
    public long claim(int n, long timeout, TimeUnit unit) {
        Objects.requireNonNull(unit, "unit");
        return sequencer.claim(n, unit.toNanos(timeout)); // the sequencer rejects a negative timeout
    }

    @Override
    public long tryClaim() {
        return sequencer.tryClaim(1);
    }

    @Override
    public long tryClaim(int n) {
        return sequencer.tryClaim(n);
    }

    @Override
    public E get(long sequence) {
        return ring.get(sequence);
    }

    @Override
    public void publish(long sequence) {
        sequencer.publish(sequence, sequence);
    }

    @Override
    public void publish(long lo, long hi) {
        sequencer.publish(lo, hi);
    }

    @Override
    public void abort(long sequence) {
        sequencer.abort(sequence, sequence);
    }

    @Override
    public void abort(long lo, long hi) {
        sequencer.abort(lo, hi);
    }

    @Override
    public <A> void publishEvent(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        translateAndPublish(claim(), translator, arg);
    }

    @Override
    public <A, B> void publishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1) {
        Objects.requireNonNull(translator, "translator");
        translateAndPublish(claim(), translator, arg0, arg1);
    }

    @Override
    public <A> boolean tryPublishEvent(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        long seq = sequencer.tryClaim(1);
        if (seq < 0) {
            return false;
        }
        translateAndPublish(seq, translator, arg);
        return true;
    }

    @Override
    public <A, B> boolean tryPublishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1) {
        Objects.requireNonNull(translator, "translator");
        long seq = sequencer.tryClaim(1);
        if (seq < 0) {
            return false;
        }
        translateAndPublish(seq, translator, arg0, arg1);
        return true;
    }

    private <A> void translateAndPublish(long seq, EventTranslatorOneArg<E, A> translator, A arg) {
        try {
            translator.translateTo(ring.get(seq), seq, arg);
        } catch (Throwable t) {
            abortAfter(seq, t); // never publish a half-written event
            throw t;
        }
        sequencer.publish(seq, seq);
    }

    private <A, B> void translateAndPublish(long seq, EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1) {
        try {
            translator.translateTo(ring.get(seq), seq, arg0, arg1);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        sequencer.publish(seq, seq);
    }

    @Override
    public <A> void publishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        checkBatchArgs(translator, args, from, count);
        translateAndPublish(claim(count), translator, args, from, count);
    }

    @Override
    public <A> boolean tryPublishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        checkBatchArgs(translator, args, from, count);
        long lo = sequencer.tryClaim(count);
        if (lo < 0) {
            return false;
        }
        translateAndPublish(lo, translator, args, from, count);
        return true;
    }

    private static void checkBatchArgs(EventTranslatorOneArg<?, ?> translator, Object[] args, int from, int count) {
        Objects.requireNonNull(translator, "translator");
        Objects.requireNonNull(args, "args");
        if (count < 1 || from < 0 || from > args.length - count) {
            throw new IllegalArgumentException("from and count must select 1 or more of the " + args.length
                    + " args (0 <= from, from + count <= args.length): from=" + from + ", count=" + count);
        }
    }

    /** Fills [lo, lo + count - 1]; on a failure publishes what was filled and aborts the rest. */
    private <A> void translateAndPublish(long lo, EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        long hi = lo + count - 1;
        long s = lo;
        try {
            for (; s <= hi; s++) {
                translator.translateTo(ring.get(s), s, args[from + (int) (s - lo)]);
            }
        } catch (Throwable t) {
            if (s > lo) {
                sequencer.publish(lo, s - 1);
            }
            try {
                sequencer.abort(s, hi);
            } catch (RuntimeException e) {
                t.addSuppressed(e);
            }
            throw t;
        }
        sequencer.publish(lo, hi);
    }

    private void abortAfter(long seq, Throwable failure) {
        try {
            sequencer.abort(seq, seq);
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the bus stopped meanwhile; the translator's failure is what matters
        }
    }

    @Override
    public long remainingCapacity() {
        return sequencer.remainingCapacity();
    }
}
