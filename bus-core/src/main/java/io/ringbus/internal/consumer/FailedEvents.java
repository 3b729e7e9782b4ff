package io.ringbus.internal.consumer;

import io.ringbus.internal.sequence.Sequence;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Arrays;

/**
 * The events one stage failed on and went past (its policy said continue), so that the stages after it can
 * skip them. Written only on the failure path; the stages after it read {@link #highestAcquire()} once per
 * batch, so a graph in which nothing fails pays one read of a line nobody writes.
 *
 * <pre>
 * marks[s &amp; mask] == s      event s failed here (or was skipped here because it failed upstream)
 * anything else              it did not
 * </pre>
 * A mark is stored before {@code highest} is raised past it, and both before the stage's progress passes s;
 * a downstream stage that acquired that progress therefore sees both. A mark of lap s cannot be overwritten
 * while a downstream stage may still read it: lap s + capacity is published only after every stage passed s.
 * The marks are allocated only for stages that something runs after.
 */
final class FailedEvents {
    private static final VarHandle MARKS = MethodHandles.arrayElementVarHandle(long[].class);
    private static final long NONE = Long.MIN_VALUE;

    private final Sequence highest = new Sequence(NONE);
    private final Sequence skipped = new Sequence(0);
    private long[] marks;
    private int mask;

    /** Called while the graph is wired, before start, by each stage that runs after this one. */
    void enable(int capacity) {
        if (marks == null) {
            long[] m = new long[capacity];
            Arrays.fill(m, NONE);
            mask = capacity - 1;
            marks = m;
        }
    }

    /** Records that event s failed here, or was skipped here; call before this stage's progress passes s. */
    void mark(long s) {
        long[] m = marks;
        if (m == null) {
            return; // nothing runs after this stage
        }
        MARKS.setRelease(m, (int) (s & mask), s);
        long h;
        while ((h = highest.getAcquire()) < s && !highest.compareAndSet(h, s)) {
            Thread.onSpinWait(); // a pool's workers mark concurrently
        }
    }

    long highestAcquire() {
        return highest.getAcquire();
    }

    boolean isMarked(long s) {
        return (long) MARKS.getAcquire(marks, (int) (s & mask)) == s;
    }

    void countSkipped() {
        skipped.getAndAdd(1);
    }

    long skipped() {
        return skipped.getOpaque();
    }
}
