package io.ringbus.latency.adapter.queue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.WaitMode;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The pooled sender of a queue worker pool: its pool size, and that it never refills a held message. */
class RecyclingSenderTest {

    @Test
    void poolHoldsTwiceTheQueuePlusOnePerWorkerAsAPowerOfTwo() {
        assertEquals(32, RecyclingSender.poolSize(4, 2)); // queues hold at least 8: 2 x 8 + 2 + 2 = 20
        assertEquals(32_768, RecyclingSender.poolSize(8_192, 2));
        assertEquals(262_144, RecyclingSender.poolSize(65_536, 2));
    }

    @Test
    void producerWaitsForTheReleaseOfAHeldMessageAndNeverRefillsIt() {
        MsgQueue queue = QueueKind.AGRONA_M2M.create(8);
        AtomicBoolean stopping = new AtomicBoolean();
        RecyclingSender sender = new RecyclingSender(queue, QueueWait.create(WaitMode.YIELD),
                QueueWait.idleStrategy(WaitMode.YIELD), stopping, 4);
        // Four sends fill the pool; this thread takes the first message and holds it.
        for (int v = 0; v < 4; v++) {
            sender.send(v, 100 + v);
        }
        Msg held = queue.poll();
        assertEquals(0, held.value);
        for (int i = 0; i < 3; i++) {
            queue.poll().release();
        }
        Thread fifth = new Thread(() -> sender.send(4, 104), "fifth-send");
        fifth.setDaemon(true);
        fifth.start();
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            // Time for a wrong send to refill the held message; a right one stays blocked however long this is.
            Thread.sleep(100);
            assertTrue(fifth.isAlive(), "the fifth send did not wait for the held message");
            assertEquals(0, held.value);
            assertEquals(100, held.stamp);
            held.release();
            fifth.join();
        });
        Msg refilled = queue.poll();
        assertTrue(refilled == held, "the fifth send reuses the released message");
        assertEquals(4, refilled.value);
    }

    @Test
    void aProducerStuckOnAHeldMessageFailsWhenTheWorkersStop() {
        MsgQueue queue = QueueKind.JCTOOLS_MPMC.create(8);
        AtomicBoolean stopping = new AtomicBoolean();
        RecyclingSender sender = new RecyclingSender(queue, QueueWait.create(WaitMode.PARK),
                QueueWait.idleStrategy(WaitMode.PARK), stopping, 2);
        sender.send(0, 0);
        sender.send(1, 0);
        stopping.set(true);
        IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(IllegalStateException.class, () -> sender.send(2, 0)));
        assertTrue(e.getMessage().contains("held a pooled message"), e.getMessage());
    }
}
