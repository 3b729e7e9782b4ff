package io.ringbus.internal.ring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.Supplier;

/**
 * The preallocated events and their per-slot sequence numbers. One ring serves every stage kind
 * (broadcast stages, worker pools, pollers) and both producer modes.
 *
 * <pre>
 * Slot encoding. slot(s) = s &amp; mask holds a long state, written by producers only:
 *
 *   state = (s &lt;&lt; 1) | 0     sequence s was published: the event holds s's data
 *   state = (s &lt;&lt; 1) | 1     sequence s was aborted: every stage skips it
 *   initial state of slot i = (i - capacity) &lt;&lt; 1   i.e. "published" for the lap before 0
 *
 * A stage waiting for s reads state with acquire and takes the slot as ready when state &gt;= s &lt;&lt; 1; the
 * low bit then says publish or skip. Free and consumed are not states of the slot: the slot keeps the value
 * of its last lap, (s - capacity) &lt;&lt; 1 | x, which is below s &lt;&lt; 1, until a producer writes lap s. Progress of
 * consumers lives in their own padded Sequences.
 *
 * A wrap cannot be mistaken for a publish: a producer may claim s + capacity only after every gating
 * stage has passed s, so while any stage can still wait for s, the slot holds a lap at most s, never s +
 * capacity. Sequences grow by one per event from 0, so s &lt;&lt; 1 cannot overflow before 2^62 events
 * (146 years at 10^9 events/s).
 * </pre>
 *
 * <p>The entries array and the state array carry 128 bytes of unused elements at each end, so neither
 * shares a cache line pair with an unrelated object.
 */
public final class RingStorage<E> {
    /** Unused references at each end of the entries array: 32 x 4 bytes (compressed oops) or more. */
    private static final int ENTRY_PAD = 32;
    /** Unused longs at each end of the state array: 16 x 8 = 128 bytes. */
    private static final int STATE_PAD = 16;
    private static final VarHandle STATES = MethodHandles.arrayElementVarHandle(long[].class);

    private final Object[] entries;
    private final long[] states;
    private final int mask;
    private final int capacity;

    public RingStorage(RingCapacity capacity, Supplier<? extends E> factory) {
        this.capacity = capacity.size();
        this.mask = capacity.mask();
        this.entries = new Object[this.capacity + 2 * ENTRY_PAD];
        this.states = new long[this.capacity + 2 * STATE_PAD];
        for (int i = 0; i < this.capacity; i++) {
            E event;
            try {
                event = factory.get();
            } catch (RuntimeException | Error e) {
                throw new IllegalArgumentException("eventFactory threw while filling slot " + i, e);
            }
            if (event == null) {
                throw new IllegalArgumentException("eventFactory returned null for slot " + i);
            }
            entries[ENTRY_PAD + i] = event;
            states[STATE_PAD + i] = published(i - (long) this.capacity);
        }
        VarHandle.releaseFence(); // the events and states above are safely published with the ring
    }

    public int capacity() {
        return capacity;
    }

    @SuppressWarnings("unchecked")
    public E get(long sequence) {
        return (E) entries[ENTRY_PAD + (int) (sequence & mask)];
    }

    /** Marks {@code sequence} published: a release store, so the event's writes are visible to an acquirer. */
    public void setPublishedRelease(long sequence) {
        STATES.setRelease(states, STATE_PAD + (int) (sequence & mask), published(sequence));
    }

    /** Marks {@code sequence} aborted: stages skip it. A release store, like a publish. */
    public void setAbortedRelease(long sequence) {
        STATES.setRelease(states, STATE_PAD + (int) (sequence & mask), aborted(sequence));
    }

    /** True once {@code sequence} was published or aborted (acquire). */
    public boolean isReadyAcquire(long sequence) {
        return stateAcquire(sequence) >= published(sequence);
    }

    /** True if {@code sequence} was aborted (acquire). Only meaningful once the sequence is ready. */
    public boolean isAbortedAcquire(long sequence) {
        return stateAcquire(sequence) == aborted(sequence);
    }

    /** The highest sequence in [from, to] such that every sequence from {@code from} up to it is ready. */
    public long highestReady(long from, long to) {
        for (long s = from; s <= to; s++) {
            if (!isReadyAcquire(s)) {
                return s - 1;
            }
        }
        return to;
    }

    private long stateAcquire(long sequence) {
        return (long) STATES.getAcquire(states, STATE_PAD + (int) (sequence & mask));
    }

    private static long published(long sequence) {
        return sequence << 1;
    }

    private static long aborted(long sequence) {
        return (sequence << 1) | 1L;
    }
}
