package io.ringbus.latency.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schedule and the stamps: each message carries the time it was meant to leave, not when it did. */
class RateScheduleTest {

    @Test
    void intendedTimesAreExactForAnyRate() {
        RateSchedule s = new RateSchedule(1_000, 3);
        assertEquals(1_000, s.intendedTime(0));
        assertEquals(1_000 + 333_333_333, s.intendedTime(1));
        assertEquals(1_000 + 1_000_000_000, s.intendedTime(3));
        RateSchedule m = new RateSchedule(0, 1_000_000);
        assertEquals(1_000, m.intendedTime(1));
        // far past where i * 1e9 would overflow a long
        assertEquals(20_000_000_000L * 1_000, m.intendedTime(20_000_000_000L));
    }

    @Test
    void messagesInADuration() {
        assertEquals(500_000, new RateSchedule(0, 500_000).messagesIn(1_000_000_000L));
        assertEquals(1, new RateSchedule(0, 1).messagesIn(1));
    }

    @Test
    void achievedRateAndMissedTarget() {
        RateSchedule s = new RateSchedule(0, 1_000);
        // 1001 messages, the last one sent exactly on time at 1 s
        double onTime = s.achievedRate(1_001, 1_000_000_000L);
        assertEquals(1_000, onTime, 1e-9);
        assertFalse(s.missed(onTime));
        // the same messages took 1.1 s: 909/s is a miss
        double late = s.achievedRate(1_001, 1_100_000_000L);
        assertTrue(s.missed(late));
    }

    @Test
    void rejectsANonPositiveRate() {
        assertThrows(IllegalArgumentException.class, () -> new RateSchedule(0, 0));
    }

    @Test
    void awaitSlotNeverWaitsForALateMessage() {
        RateSchedule s = new RateSchedule(System.nanoTime() - 1_000_000_000L, 1);
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals(s.intendedTime(0), s.awaitSlot(0)));
    }

    @Test
    void fixedRateSenderStampsTheIntendedTimeOfEachMessage() {
        long rate = 20_000;
        FixedRateScenario scenario = (FixedRateScenario) Scenarios.byName("lat-fixed-rate");
        InlineAdapter adapter = new InlineAdapter(InlineAdapter.Fault.NONE, 0);
        Measurement m = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> scenario.run(adapter,
                new io.ringbus.latency.scenario.RunSpec("lat-fixed-rate", "inline",
                        io.ringbus.latency.adapter.WaitMode.YIELD, 64, 0, rate, 10_000_000L, 0, 1, 1, 2_000), false));
        List<Long> stamps = InlineAdapter.copy(adapter.stamps);
        assertEquals(200, stamps.size());
        RateSchedule fromFirst = new RateSchedule(stamps.get(0), rate);
        for (int i = 0; i < stamps.size(); i++) {
            assertEquals(fromFirst.intendedTime(i), stamps.get(i), "stamp of message " + i);
        }
        assertEquals(200, m.histograms().get("latency").stream().mapToLong(h -> h.getTotalCount()).sum());
    }
}
