package io.ringbus.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Counts how often each (producer, producerSeq) was handled, for worker pools, where no single stage sees
 * every event and order across workers is not promised. After the bus is closed, every published event
 * must have a count of exactly 1: 0 means lost, 2 or more means duplicated.
 */
public final class HitCounter {
    private static final int MAX_REPORTED = 20;

    private final AtomicIntegerArray[] hits;
    private final AtomicIntegerArray outOfRange = new AtomicIntegerArray(1);

    public HitCounter(int producers, int maxPerProducer) {
        hits = new AtomicIntegerArray[producers];
        for (int p = 0; p < producers; p++) {
            hits[p] = new AtomicIntegerArray(maxPerProducer);
        }
    }

    /** Records one hit; safe from any thread. */
    public void hit(int producer, long seq) {
        if (producer < 0 || producer >= hits.length || seq < 0 || seq >= hits[producer].length()) {
            outOfRange.incrementAndGet(0);
            return;
        }
        hits[producer].incrementAndGet((int) seq);
    }

    public int count(int producer, long seq) {
        return hits[producer].get((int) seq);
    }

    public int producers() {
        return hits.length;
    }

    /** Sum of every count. */
    public long total() {
        long sum = outOfRange.get(0);
        for (AtomicIntegerArray a : hits) {
            for (int i = 0; i < a.length(); i++) {
                sum += a.get(i);
            }
        }
        return sum;
    }

    /**
     * Violations of exactly-once: producer p's events [0, published[p]) each counted once, none beyond.
     * Empty when the contract holds.
     */
    public List<String> exactlyOnceViolations(long... published) {
        return violations(published, true);
    }

    /** Violations of at-most-once (after a halt): no count above 1, nothing beyond what was published. */
    public List<String> atMostOnceViolations(long... published) {
        return violations(published, false);
    }

    private List<String> violations(long[] published, boolean exactly) {
        if (published.length != hits.length) {
            throw new IllegalArgumentException("expected " + hits.length + " producer counts, got " + published.length);
        }
        List<String> out = new ArrayList<>();
        long lost = 0;
        long duplicated = 0;
        long phantom = outOfRange.get(0);
        for (int p = 0; p < hits.length; p++) {
            AtomicIntegerArray a = hits[p];
            for (int i = 0; i < a.length(); i++) {
                int c = a.get(i);
                if (i < published[p]) {
                    if (c == 0 && exactly) {
                        lost++;
                        note(out, "producer " + p + " seq " + i + ": lost (handled 0 times)");
                    } else if (c > 1) {
                        duplicated++;
                        note(out, "producer " + p + " seq " + i + ": duplicated (handled " + c + " times)");
                    }
                } else if (c != 0) {
                    phantom++;
                    note(out, "producer " + p + " seq " + i + ": handled " + c + " times but never published");
                }
            }
        }
        if (!out.isEmpty() || phantom != 0) {
            out.add(0, "lost=" + lost + ", duplicated=" + duplicated + ", never published=" + phantom);
        }
        return out;
    }

    private static void note(List<String> out, String message) {
        if (out.size() < MAX_REPORTED) {
            out.add(message);
        }
    }
}
