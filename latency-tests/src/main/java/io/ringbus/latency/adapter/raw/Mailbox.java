package io.ringbus.latency.adapter.raw;

import io.ringbus.latency.adapter.Msg;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/** Padding before the hot word: 128 bytes, because the adjacent-line prefetcher pulls lines in pairs. */
abstract class MailboxLeftPad {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The one word that bounces between the two cores, and the payload beside it. */
abstract class MailboxState extends MailboxLeftPad {
    /** EMPTY or FULL; written with release, read with acquire. */
    long state;
    long value;
    long stamp;
}

/**
 * A single-slot, single-producer, single-consumer hand-off: the least any two threads can do to pass a
 * message. Two of these in ping-pong give the physical floor of a round trip on this machine.
 */
final class Mailbox extends MailboxState {
    static final long EMPTY = 0;
    static final long FULL = 1;
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(MailboxState.class, "state", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;

    /** Waits (spin or yield) until the slot is free, fills it, and hands it over with a release store. */
    void put(long v, long s, boolean yield) {
        while ((long) STATE.getAcquire(this) != EMPTY) {
            pause(yield);
        }
        value = v;
        stamp = s;
        STATE.setRelease(this, FULL);
    }

    /** Takes the message into {@code into} if one is there; the acquire load orders the payload reads. */
    boolean take(Msg into) {
        if ((long) STATE.getAcquire(this) != FULL) {
            return false;
        }
        into.set(value, stamp);
        STATE.setRelease(this, EMPTY);
        return true;
    }

    boolean isEmpty() {
        return (long) STATE.getAcquire(this) == EMPTY;
    }

    static void pause(boolean yield) {
        if (yield) {
            Thread.yield();
        } else {
            Thread.onSpinWait();
        }
    }
}
