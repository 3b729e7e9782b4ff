package io.ringbus.internal.metrics;

/** Padding before the counters, so that no other object's hot field shares their cache lines. */
abstract class CounterPadBefore {
    long p00, p01, p02, p03, p04, p05, p06, p07, p08, p09, p10, p11, p12, p13, p14, p15;
}

/** The counters of one consumer thread; see {@link StageCounters}. */
abstract class CounterLine extends CounterPadBefore {
    long events;
    long batches;
    long maxBatch;
    long wakeUps;
    long abortsSeen;
}

/** Padding after the counters. */
abstract class CounterPadAfter extends CounterLine {
    long q00, q01, q02, q03, q04, q05, q06, q07, q08, q09, q10, q11, q12, q13, q14, q15;
}
