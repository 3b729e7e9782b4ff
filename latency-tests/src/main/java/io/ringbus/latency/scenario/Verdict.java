package io.ringbus.latency.scenario;

/**
 * The check of a run's messages: every handler must have seen exactly the expected count and sum. A run
 * that loses or duplicates a message is a failure, not a number.
 */
public final class Verdict {
    private final StringBuilder problems = new StringBuilder();

    /** Checks one handler's tally against what was sent. */
    public Verdict check(String who, Tally tally, long expectedCount, long expectedSum) {
        return check(who, tally.count(), tally.sum(), expectedCount, expectedSum);
    }

    public Verdict check(String who, long count, long sum, long expectedCount, long expectedSum) {
        if (count < expectedCount) {
            add(who + " lost " + (expectedCount - count) + " of " + expectedCount + " messages");
        } else if (count > expectedCount) {
            add(who + " got " + (count - expectedCount) + " duplicated message(s) beyond " + expectedCount);
        } else if (sum != expectedSum) {
            add(who + " checksum " + sum + " != expected " + expectedSum + " (a message was lost and another duplicated, or corrupted)");
        }
        return this;
    }

    public void add(String problem) {
        if (problems.length() > 0) {
            problems.append("; ");
        }
        problems.append(problem);
    }

    public boolean ok() {
        return problems.length() == 0;
    }

    /** Empty when ok. */
    public String problems() {
        return problems.toString();
    }

    /** Sum of 0 .. n-1: what a tally of values 0 .. n-1 adds up to. */
    public static long sumBelow(long n) {
        return n * (n - 1) / 2;
    }
}
