package io.ringbus.testkit;

/** Replayable randomness: a test's seed comes from {@code -Dringbus.seed}, else from the clock, and is printed. */
public final class Seeds {
    private Seeds() {
    }

    public static long seed(String test) {
        Long fixed = Long.getLong("ringbus.seed");
        long seed = fixed != null ? fixed : System.nanoTime();
        System.out.println(test + ": seed " + seed + " (replay with -Dringbus.seed=" + seed + ")");
        return seed;
    }
}
