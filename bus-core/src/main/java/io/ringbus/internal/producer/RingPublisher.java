package io.ringbus.internal.producer;

import io.ringbus.ClaimTimeoutException;
import io.ringbus.OverflowPolicy;
import io.ringbus.RingFullException;
import io.ringbus.internal.ring.RingStorage;

import java.util.Objects;
import java.util.concurrent.TimeUnit;

/** The {@link Publisher} over a {@link Sequencer}: claims under the overflow policy, publishes and aborts. */
public final class RingPublisher<E> extends TranslatingPublisher<E> {
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
    public long remainingCapacity() {
        return sequencer.remainingCapacity();
    }
}
