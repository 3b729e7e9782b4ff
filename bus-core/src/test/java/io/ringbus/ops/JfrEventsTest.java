package io.ringbus.ops;

import io.ringbus.ExceptionPolicy;
import io.ringbus.RingBus;
import io.ringbus.StageSpec;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each JFR event is recorded with its fields when enabled, and none is recorded when not. */
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JfrEventsTest {
    private static final List<String> NAMES = List.of("io.ringbus.ProducerStall", "io.ringbus.StageStall",
            "io.ringbus.HandlerFailure", "io.ringbus.BusClose", "io.ringbus.BusHalt");

    @TempDir
    Path dir;

    @Test
    void everyEventIsRecordedWithItsFields() throws Exception {
        Map<String, List<RecordedEvent>> events = record(true);
        RecordedEvent stall = one(events, "io.ringbus.ProducerStall");
        assertEquals("jfr", stall.getString("bus"));
        assertTrue(stall.getDuration("stall").toNanos() > 0);
        RecordedEvent stageStall = one(events, "io.ringbus.StageStall");
        assertEquals("held", stageStall.getString("stage"));
        assertTrue(stageStall.getLong("backlog") >= 1);
        RecordedEvent failure = one(events, "io.ringbus.HandlerFailure");
        assertEquals("failing", failure.getString("stage"));
        assertEquals(0, failure.getLong("sequence"));
        assertEquals("onEvent", failure.getString("phase"));
        assertEquals(IllegalStateException.class.getName(), failure.getString("exception"));
        assertEquals("boom (test)", failure.getString("message"));
        RecordedEvent close = one(events, "io.ringbus.BusClose");
        assertEquals("jfr", close.getString("bus"));
        assertTrue(close.getBoolean("drained"), close.toString());
        assertTrue(close.getString("report").startsWith("drained up to sequence"), close.toString());
        RecordedEvent halt = one(events, "io.ringbus.BusHalt");
        assertEquals("jfr-halted", halt.getString("bus"));
        assertNotNull(halt.getStackTrace(), "a halt records who halted");
    }

    @Test
    void disabledEventsAreNotRecorded() throws Exception {
        Map<String, List<RecordedEvent>> events = record(false);
        assertTrue(events.isEmpty(), events.keySet().toString());
    }

    /** Runs a scenario with every event's cause, recording with the ringbus events enabled or not. */
    private Map<String, List<RecordedEvent>> record(boolean enabled) throws Exception {
        Path file = dir.resolve("ringbus-" + enabled + ".jfr");
        try (Recording recording = new Recording()) {
            for (String name : NAMES) {
                if (enabled) {
                    recording.enable(name).withoutThreshold();
                } else {
                    recording.disable(name);
                }
            }
            recording.start();
            scenario();
            recording.stop();
            recording.dump(file);
        }
        return RecordingFile.readAllEvents(file).stream().filter(e -> NAMES.contains(e.getEventType().getName()))
                .collect(Collectors.groupingBy(e -> e.getEventType().getName()));
    }

    private static void scenario() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        BlockingQueue<Object> stalled = new LinkedBlockingQueue<>();
        RingBus<long[]> bus = RingBus.builder(() -> new long[1]).name("jfr").capacity(2)
                .producerStallEventThreshold(Duration.ZERO).exceptionPolicy(ExceptionPolicy.logAndContinue())
                .stallWatchdog(Duration.ofMillis(20), r -> {
                    stalled.add(r);
                    release.countDown();
                }).build();
        bus.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> release.await()).named("held"),
                StageSpec.<long[]>of((e, s, end) -> {
                    if (s == 0) {
                        throw new IllegalStateException("boom (test)");
                    }
                }).named("failing"));
        bus.start();
        for (long i = 0; i < 3; i++) { // the third waits for room until the watchdog's report releases the stage
            bus.publisher().publishEvent((e, s, v) -> e[0] = v, i);
        }
        assertNotNull(stalled.poll(10, TimeUnit.SECONDS), "no stall reported");
        bus.close(10, TimeUnit.SECONDS);

        RingBus<long[]> halted = RingBus.builder(() -> new long[1]).name("jfr-halted").capacity(2).build();
        halted.handleEventsWith(StageSpec.<long[]>of((e, s, end) -> { }).named("any"));
        halted.start();
        halted.halt();
        assertFalse(halted.close(10, TimeUnit.SECONDS).timedOut());
    }

    private static RecordedEvent one(Map<String, List<RecordedEvent>> events, String name) {
        List<RecordedEvent> list = events.get(name);
        assertNotNull(list, name + " not recorded; recorded: " + events.keySet());
        return list.get(0);
    }
}
