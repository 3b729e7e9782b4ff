package io.ringbus.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Exactly-once assertions of one stage's checker against what the producers actually published. */
public final class Delivery {
    private Delivery() {
    }

    /**
     * The stage saw every published event exactly once, intact and in each producer's order. Read only after
     * the stage's thread has been joined (a drained close does that).
     */
    public static void assertExactlyOnce(String where, OrderChecker checker, long... publishedPerProducer) {
        assertTrue(checker.errors().isEmpty(), where + ": " + checker.errors());
        long total = 0;
        for (int p = 0; p < publishedPerProducer.length; p++) {
            assertEquals(publishedPerProducer[p], checker.delivered(p),
                    where + ": events of producer " + p + " delivered in order");
            total += publishedPerProducer[p];
        }
        assertEquals(total, checker.seen(), where + ": events seen in total");
    }

    public static void assertExactlyOnce(String where, OrderChecker checker, OracleProducers producers) {
        long[] published = new long[producers.producers()];
        for (int p = 0; p < published.length; p++) {
            published[p] = producers.published(p);
        }
        assertExactlyOnce(where, checker, published);
    }
}
