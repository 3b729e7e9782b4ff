package io.ringbus.internal.producer;

import io.ringbus.EventTranslator;
import io.ringbus.EventTranslatorLong;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.EventTranslatorThreeArg;
import io.ringbus.EventTranslatorTwoArg;
import io.ringbus.Publisher;

import java.util.Objects;

/**
 * The translator forms of {@link Publisher}, over its claim, get, publish and abort: claim, fill in place,
 * publish; a translator that throws gets its slot aborted, so nothing half-written is ever published.
 * One method per arity and no varargs, so a non-capturing translator publishes without allocating.
 */
abstract class TranslatingPublisher<E> implements Publisher<E> {

    @Override
    public final void publishEvent(EventTranslator<E> translator) {
        Objects.requireNonNull(translator, "translator");
        long seq = claim();
        try {
            translator.translateTo(get(seq), seq);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
    }

    @Override
    public final void publishEventLong(EventTranslatorLong<E> translator, long arg) {
        Objects.requireNonNull(translator, "translator");
        long seq = claim();
        try {
            translator.translateTo(get(seq), seq, arg);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
    }

    @Override
    public final <A> void publishEvent(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        long seq = claim();
        translate(seq, translator, arg);
    }

    @Override
    public final <A, B> void publishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1) {
        Objects.requireNonNull(translator, "translator");
        long seq = claim();
        try {
            translator.translateTo(get(seq), seq, arg0, arg1);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
    }

    @Override
    public final <A, B, C> void publishEvent(EventTranslatorThreeArg<E, A, B, C> translator, A arg0, B arg1, C arg2) {
        Objects.requireNonNull(translator, "translator");
        long seq = claim();
        try {
            translator.translateTo(get(seq), seq, arg0, arg1, arg2);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
    }

    @Override
    public final <A> boolean tryPublishEvent(EventTranslatorOneArg<E, A> translator, A arg) {
        Objects.requireNonNull(translator, "translator");
        long seq = tryClaim();
        if (seq < 0) {
            return false;
        }
        translate(seq, translator, arg);
        return true;
    }

    @Override
    public final <A, B> boolean tryPublishEvent(EventTranslatorTwoArg<E, A, B> translator, A arg0, B arg1) {
        Objects.requireNonNull(translator, "translator");
        long seq = tryClaim();
        if (seq < 0) {
            return false;
        }
        try {
            translator.translateTo(get(seq), seq, arg0, arg1);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
        return true;
    }

    @Override
    public final <A> void publishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        checkBatchArgs(translator, args, from, count);
        translateBatch(claim(count), translator, args, from, count);
    }

    @Override
    public final <A> boolean tryPublishEvents(EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        checkBatchArgs(translator, args, from, count);
        long lo = tryClaim(count);
        if (lo < 0) {
            return false;
        }
        translateBatch(lo, translator, args, from, count);
        return true;
    }

    private <A> void translate(long seq, EventTranslatorOneArg<E, A> translator, A arg) {
        try {
            translator.translateTo(get(seq), seq, arg);
        } catch (Throwable t) {
            abortAfter(seq, t);
            throw t;
        }
        publish(seq);
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
    private <A> void translateBatch(long lo, EventTranslatorOneArg<E, A> translator, A[] args, int from, int count) {
        long hi = lo + count - 1;
        long s = lo;
        try {
            for (; s <= hi; s++) {
                translator.translateTo(get(s), s, args[from + (int) (s - lo)]);
            }
        } catch (Throwable t) {
            if (s > lo) {
                publish(lo, s - 1);
            }
            abortAfter(s, hi, t);
            throw t;
        }
        publish(lo, hi);
    }

    private void abortAfter(long seq, Throwable failure) {
        abortAfter(seq, seq, failure);
    }

    /** Aborts [lo, hi] after a translator failed; the translator's error is what the caller sees. */
    private void abortAfter(long lo, long hi, Throwable failure) {
        try {
            abort(lo, hi);
        } catch (RuntimeException e) {
            failure.addSuppressed(e); // the bus stopped meanwhile
        }
    }
}
