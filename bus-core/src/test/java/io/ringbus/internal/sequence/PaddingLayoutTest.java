package io.ringbus.internal.sequence;

import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hot value of {@link Sequence} has at least 128 bytes of its own object on each side: only the header
 * and padding before it, only padding after it. Gaps, not offsets, are asserted: compact object headers
 * (JDK 25) move every offset. Negative controls prove the check can fail.
 */
class PaddingLayoutTest {
    /** Two cache lines: the adjacent-line prefetcher fetches lines in pairs. */
    private static final long MIN_GAP = 128;

    /** Bytes of the object before {@code field}, and after it to the end of the instance. */
    record Gaps(long before, long after, String layout) {
        boolean atLeast(long gap) {
            return before >= gap && after >= gap;
        }
    }

    static Gaps gaps(Class<?> type, String field) {
        ClassLayout layout = ClassLayout.parseClass(type);
        FieldLayout f = layout.fields().stream().filter(x -> x.name().equals(field)).findFirst()
                .orElseThrow(() -> new AssertionError(type + " has no field " + field + ":\n" + layout.toPrintable()));
        return new Gaps(f.offset(), layout.instanceSize() - (f.offset() + f.size()), layout.toPrintable());
    }

    /** The check itself: true if {@code field} has at least {@code MIN_GAP} bytes on both sides. */
    static boolean isPadded(Class<?> type, String field) {
        return gaps(type, field).atLeast(MIN_GAP);
    }

    @Test
    void sequenceValueHas128BytesOnEachSide() {
        Gaps g = gaps(Sequence.class, "value");
        assertTrue(g.before() >= MIN_GAP, "only " + g.before() + " bytes before value:\n" + g.layout());
        assertTrue(g.after() >= MIN_GAP, "only " + g.after() + " bytes after value:\n" + g.layout());
        assertTrue(isPadded(Sequence.class, "value"));
    }

    @Test
    void sequenceHoldsNoOtherLongThanItsValueAndPads() {
        // a second hot field added to Sequence would share the padded lines with the value
        long others = ClassLayout.parseClass(Sequence.class).fields().stream()
                .filter(f -> !f.name().equals("value") && !f.name().matches("[pq]\\d\\d")).count();
        assertEquals(0, others, ClassLayout.parseClass(Sequence.class).toPrintable());
    }

    /** A plain counter, as it would be without padding. */
    private static final class Unpadded {
        @SuppressWarnings("unused")
        long value;
    }

    /** Padding on the left only. */
    private static class LeftPad {
        long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
    }

    private static final class LeftPaddedOnly extends LeftPad {
        @SuppressWarnings("unused")
        long value;
    }

    @Test
    void unpaddedClassFailsTheCheck() {
        assertFalse(isPadded(Unpadded.class, "value"), gaps(Unpadded.class, "value").layout());
    }

    @Test
    void classPaddedOnOneSideFailsTheCheck() {
        Gaps g = gaps(LeftPaddedOnly.class, "value");
        assertTrue(g.before() >= MIN_GAP, g.layout());
        assertFalse(isPadded(LeftPaddedOnly.class, "value"), g.layout());
    }
}
