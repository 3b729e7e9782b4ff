package io.ringbus.reliability;

import io.ringbus.BusClosedException;
import io.ringbus.EventTranslatorOneArg;
import io.ringbus.Publisher;
import io.ringbus.testkit.OracleEvent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Producer threads for a stress run. Producer p publishes OracleEvents (p, 0), (p, 1), ... until it reaches
 * its event cap or the deadline, whichever comes first, and always publishes at least one. Even producers
 * claim, fill and publish (in batches of {@code claimBatch}); odd ones use the allocation-free translator.
 * {@link #published()} counts only events whose publish returned normally. What may end a run early is
 * set by {@link Stop}.
 *
 * <p>Threads are daemons named {@code <prefix>-producer-<p>}, so the bus's leak check covers them too.
 */
final class TimedProducers {
    /** The translator's argument: a producer's next event. Reused, so publishing allocates nothing. */
    static final class Next {
        final int producer;
        long seq;

        Next(int producer) {
            this.producer = producer;
        }
    }

    /** What may end a run besides the time box and the event cap. */
    enum Stop {
        /** Nothing: a {@link BusClosedException} is a failure. */
        NONE,
        /**
         * A close under the producers: a claim or publishEvent may throw {@link BusClosedException}, but a claim
         * that returned must be publishable (the claim-races-close contract).
         */
        CLOSE,
        /** A halt (or a close that times out and halts): any {@link BusClosedException} ends the run. */
        HALT
    }

    static final EventTranslatorOneArg<OracleEvent, Next> FILL = (event, sequence, next) -> event.fill(next.producer, next.seq);

    private final Publisher<OracleEvent> publisher;
    private final Thread[] threads;
    private final AtomicLongArray published;
    private final AtomicReferenceArray<Throwable> failures;
    private final AtomicReferenceArray<BusClosedException> closedOut;
    private final long maxEvents;
    private final int claimBatch;
    private final Stop stop;
    private final CountDownLatch go = new CountDownLatch(1);
    private volatile long deadline;
    private volatile boolean timed;

    TimedProducers(Publisher<OracleEvent> publisher, String prefix, int count, long maxEvents, int claimBatch,
                   Stop stop) {
        this.publisher = publisher;
        this.maxEvents = maxEvents;
        this.claimBatch = claimBatch;
        this.stop = stop;
        this.threads = new Thread[count];
        this.published = new AtomicLongArray(count);
        this.failures = new AtomicReferenceArray<>(count);
        this.closedOut = new AtomicReferenceArray<>(count);
        for (int p = 0; p < count; p++) {
            int id = p;
            threads[p] = new Thread(() -> run(id), prefix + "-producer-" + p);
            threads[p].setDaemon(true);
            threads[p].start();
        }
    }

    /** Releases the producers; they stop after {@code boxNanos} or their event cap. */
    void go(long boxNanos) {
        deadline = System.nanoTime() + boxNanos;
        timed = true;
        go.countDown();
    }

    /** Releases the producers with no time limit: they stop at their event cap or when the bus closes. */
    void goUntimed() {
        timed = false;
        go.countDown();
    }

    private void run(int p) {
        Next next = new Next(p);
        try {
            if (!go.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("never released");
            }
            boolean stopsInTime = timed;
            long end = deadline;
            while (next.seq < maxEvents && (next.seq == 0 || !stopsInTime || System.nanoTime() - end < 0)) {
                if (p % 2 == 0) {
                    publishClaimed(next, (int) Math.min(claimBatch, maxEvents - next.seq));
                } else {
                    publisher.publishEvent(FILL, next);
                    next.seq++;
                }
                published.lazySet(p, next.seq);
            }
        } catch (BusClosedException closed) {
            if (stop != Stop.NONE) {
                closedOut.set(p, closed);
            } else {
                failures.set(p, closed);
            }
        } catch (Throwable t) {
            failures.set(p, t);
        }
    }

    private void publishClaimed(Next next, int n) {
        long lo = publisher.claim(n);
        for (int i = 0; i < n; i++) {
            publisher.get(lo + i).fill(next.producer, next.seq + i);
        }
        try {
            if (n == 1) {
                publisher.publish(lo);
            } else {
                publisher.publish(lo, lo + n - 1);
            }
        } catch (BusClosedException e) {
            if (stop == Stop.HALT) {
                throw e; // nothing is promised after a halt
            }
            // the contract: a claim that races close() completes and is delivered, or throws itself
            throw new AssertionError("claim(" + n + ") returned sequence " + lo + ", then publish threw: the claim"
                    + " completed but can never be delivered", e);
        }
        next.seq += n;
    }

    /** Waits up to {@code millis} until every producer has published at least one event; false if not. */
    boolean awaitFirstEvents(long millis) {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (int p = 0; p < threads.length; p++) {
            while (published.get(p) == 0 && threads[p].isAlive()) {
                if (System.nanoTime() - end >= 0) {
                    return false;
                }
                Thread.onSpinWait();
                Thread.yield();
            }
        }
        return true;
    }

    /** Waits up to {@code millis} for every producer to finish; returns the names of those still running. */
    List<String> join(long millis) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        List<String> alive = new ArrayList<>();
        for (Thread t : threads) {
            long left = end - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(t, left);
            }
            if (t.isAlive()) {
                alive.add(t.getName());
            }
        }
        return alive;
    }

    /** Events each producer published (publish returned normally). */
    long[] published() {
        long[] out = new long[threads.length];
        for (int p = 0; p < out.length; p++) {
            out[p] = published.get(p);
        }
        return out;
    }

    long total() {
        return Arrays.stream(published()).sum();
    }

    /** True if producer p stopped because the bus was closed or halted under it. */
    boolean closedOut(int p) {
        return closedOut.get(p) != null;
    }

    /** Unexpected exceptions, one line each, with the stack. */
    List<String> failures() {
        List<String> out = new ArrayList<>();
        for (int p = 0; p < threads.length; p++) {
            Throwable t = failures.get(p);
            if (t != null) {
                out.add("producer " + p + " failed after " + published.get(p) + " events: " + Stacks.of(t));
            }
        }
        return out;
    }

    /** The stacks of producers still running, for a hang report. */
    String dump() {
        StringBuilder sb = new StringBuilder();
        for (Thread t : threads) {
            if (t.isAlive()) {
                sb.append("\n  \"").append(t.getName()).append("\" ").append(t.getState());
                for (StackTraceElement e : t.getStackTrace()) {
                    sb.append("\n      at ").append(e);
                }
            }
        }
        return sb.toString();
    }
}
