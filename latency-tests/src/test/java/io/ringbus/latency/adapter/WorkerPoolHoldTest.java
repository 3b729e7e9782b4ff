package io.ringbus.latency.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A worker that sits on a message must still read it unchanged: one worker holds the first message for a
 * while and the other drains the rest, until the producer reaches the held message's object (a queue
 * producer's message pool) or slot (a ring). A producer that reused it before the first worker was done
 * would rewrite it under that worker. Each message still goes to exactly one worker.
 */
class WorkerPoolHoldTest {
    static final int CAPACITY = 4;
    static final int MESSAGES = 2_000;
    /** The longest a worker holds message 0 waiting for the other worker to get through its share. */
    static final long HOLD_LIMIT_MILLIS = 10_000;

    /** One worker's view: what it handled, and anything it saw go wrong. */
    static final class Worker implements StageHandler {
        final AtomicBoolean holdTaken;
        final Queue<String> problems;
        final long holdUntilOtherHandled;
        final AtomicLong handled = new AtomicLong();
        long sum;
        Worker other;
        long otherHandledByHoldEnd = -1;

        Worker(AtomicBoolean holdTaken, Queue<String> problems, long holdUntilOtherHandled) {
            this.holdTaken = holdTaken;
            this.problems = problems;
            this.holdUntilOtherHandled = holdUntilOtherHandled;
        }

        @Override
        public void onEvent(Msg m) {
            long value = m.value;
            long stamp = m.stamp;
            if (stamp != stampOf(value)) {
                problems.add("message " + value + " arrived with stamp " + stamp);
            }
            if (value == 0 && holdTaken.compareAndSet(false, true)) {
                // Held until the other worker got through what it can meanwhile (a bounded wait, not a timing).
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(HOLD_LIMIT_MILLIS);
                while (other.handled.get() < holdUntilOtherHandled && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(100_000);
                }
                // Counted from the start: the other worker may have gone ahead before this handler began.
                otherHandledByHoldEnd = other.handled.get();
                if (m.value != value || m.stamp != stamp) {
                    problems.add("held message 0 was rewritten to value " + m.value + ", stamp " + m.stamp);
                }
            }
            sum += value;
            handled.incrementAndGet();
        }
    }

    static long stampOf(long value) {
        return value * 7 + 1;
    }

    /**
     * @param freeWorkerMessages what the free worker must have got through by the end of the hold: the ring's other
     *     slots (CAPACITY - 1); a queue producer's message pool less the held one (RecyclingSender's pool for
     *     capacity 4 and 2 workers is 32) where the queue hands out one message per claim; at least one for
     *     JCTools, whose drains claim a batch with one CAS, so the holding worker also owns the rest of its
     *     batch and the producer finds the queue full
     */
    @ParameterizedTest
    @CsvSource({"ringbus-single, 3", "ringbus-multi, 3", "agrona-m2m, 31", "abq, 31", "jctools-mpmc, 1",
        "jctools-spmc, 1"})
    void heldMessageIsNotRewrittenAndEveryMessageReachesOneWorker(String id, long freeWorkerMessages) {
        Adapter adapter = Adapters.byId(id);
        Topology pool = Topology.pool(1, 2);
        assertEquals(null, adapter.unsupportedReason(pool, java.util.Set.of(), WaitMode.YIELD));
        AtomicBoolean holdTaken = new AtomicBoolean();
        Queue<String> problems = new ConcurrentLinkedQueue<>();
        Worker a = new Worker(holdTaken, problems, freeWorkerMessages);
        Worker b = new Worker(holdTaken, problems, freeWorkerMessages);
        a.other = b;
        b.other = a;
        Channel channel = adapter.open(pool, new ChannelConfig(CAPACITY, WaitMode.YIELD, "hold-" + id),
                List.of(List.of(a, b)));
        channel.start();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            Sender sender = channel.sender(0);
            for (long v = 0; v < MESSAGES; v++) {
                sender.send(v, stampOf(v));
            }
        }, id + ": the producer did not get all messages out");
        channel.close();

        assertEquals(List.of(), new ArrayList<>(problems));
        assertTrue(holdTaken.get(), "no worker held message 0");
        assertEquals(MESSAGES, a.handled.get() + b.handled.get(), "messages handled by the two workers");
        assertEquals((long) MESSAGES * (MESSAGES - 1) / 2, a.sum + b.sum, "checksum over both workers");
        // The pool kept working while one worker sat still, up to the held message's object or slot: so the
        // producer did come back to it while it was held, and the check above could catch a rewrite.
        long progress = Math.max(a.otherHandledByHoldEnd, b.otherHandledByHoldEnd);
        assertTrue(progress >= freeWorkerMessages, "the free worker had handled only " + progress
                + " by the end of the hold; expected at least " + freeWorkerMessages);
    }
}
