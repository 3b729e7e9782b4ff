package io.ringbus;

import io.ringbus.testkit.Bounded;
import io.ringbus.testkit.OracleEvent;
import io.ringbus.testkit.OrderChecker;
import io.ringbus.testkit.Threads;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A handler that never returns cannot make {@code close(timeout)} hang: the close gives up at its timeout,
 * halts, reports the drain as timed out and names the stuck stage, and the healthy stage is not blamed.
 */
class StuckHandlerCloseTest {

    @Test
    void closeWithStuckHandlerReturnsAndNamesTheStage() {
        String name = "stuckclose";
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        EventHandler<OracleEvent> stuck = (event, sequence, endOfBatch) -> {
            entered.countDown();
            awaitIgnoringInterrupts(release); // a handler that ignores interrupts, the worst case
        };
        OrderChecker healthy = new OrderChecker(1);
        RingBus<OracleEvent> bus = RingBus.builder(OracleEvent::new).name(name).capacity(8).build();
        bus.handleEventsWith(StageSpec.<OracleEvent>of(healthy).named("healthy"),
                StageSpec.of(stuck).named("stuck"));
        bus.start();
        for (int i = 0; i < 3; i++) {
            long seq = bus.publisher().claim();
            bus.publisher().get(seq).fill(0, i);
            bus.publisher().publish(seq);
        }
        Bounded.awaitTrue("the stuck handler to be entered", Duration.ofSeconds(10), () -> entered.getCount() == 0);
        Bounded.awaitTrue("the healthy stage to see all events", Duration.ofSeconds(10), () -> healthy.seen() == 3);
        try {
            ShutdownReport report = Bounded.call("close(200 ms) with a stuck handler", Duration.ofSeconds(10),
                    () -> bus.close(200, TimeUnit.MILLISECONDS));

            assertTrue(report.timedOut(), report.toString());
            assertFalse(report.drained(), report.toString());
            assertEquals(List.of("stuck"), report.stuckStages(), report.toString());
            assertEquals(2, report.lastSequence());
            ShutdownReport.StageReport stuckStage = stage(report, "stuck");
            assertEquals(3, stuckStage.remaining(), report.toString());
            ShutdownReport.StageReport healthyStage = stage(report, "healthy");
            assertEquals(0, healthyStage.remaining(), report.toString());
            assertFalse(healthyStage.stuck(), report.toString());
            assertTrue(report.toString().contains("stuck"), report.toString());

            assertSame(report, bus.close(1, TimeUnit.SECONDS), "a second close returns the first report");
            assertThrows(IllegalStateException.class, () -> bus.close(), "plain close() reports the timed-out drain");
            assertThrows(BusClosedException.class, () -> bus.publisher().claim());
            assertTrue(bus.isStopped());
        } finally {
            release.countDown();
        }
        assertEquals(List.of(), Threads.awaitNoneAlive(name + "-", 2000), "the stuck thread exits once released");
    }

    private static ShutdownReport.StageReport stage(ShutdownReport report, String stage) {
        return report.stages().stream().filter(s -> s.name().equals(stage)).findFirst().orElseThrow();
    }

    static void awaitIgnoringInterrupts(CountDownLatch latch) {
        boolean interrupted = false;
        while (latch.getCount() > 0) {
            try {
                latch.await();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
