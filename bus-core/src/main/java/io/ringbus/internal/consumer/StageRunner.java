package io.ringbus.internal.consumer;

import io.ringbus.ShutdownReport;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.wait.WaitStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Runs the stage threads of one bus: start, halt, close with drain, join, report. Callers serialise
 * start and close; halt may come from any thread, stage threads included.
 */
public final class StageRunner {
    /** After a halt, how long close waits for threads to leave their handlers before calling them stuck. */
    private static final long HALT_GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(200);
    /** How long the claim cursor must stay put, after the close began, before it is the final target. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String busName;
    private final Topology topology;
    private final Sequencer sequencer;
    private final RunState run;
    private final ThreadFactory threadFactory;
    private final Map<Thread, StageNode> threads = new IdentityHashMap<>();
    private volatile List<Thread> started = List.of();

    public StageRunner(String busName, Topology topology, Sequencer sequencer, RunState run, ThreadFactory factory) {
        this.busName = busName;
        this.topology = topology;
        this.sequencer = sequencer;
        this.run = run;
        this.threadFactory = factory;
    }

    /** Creates every thread, then opens the bus, then starts them: a stage not yet running still gates. */
    public void start() {
        List<Thread> created = new ArrayList<>();
        for (StageNode node : topology.nodes()) {
            List<? extends Runnable> bodies = node.threadBodies();
            for (int i = 0; i < bodies.size(); i++) {
                Thread t = threadFactory.newThread(bodies.get(i));
                if (t == null) {
                    throw new IllegalStateException("threadFactory returned null for stage '" + node.name() + "'");
                }
                t.setName(busName + "-" + node.name() + (bodies.size() > 1 ? "-" + i : ""));
                threads.put(t, node);
                created.add(t);
            }
        }
        started = List.copyOf(created);
        if (!run.start()) {
            throw new IllegalStateException("start(): the bus was already started or stopped");
        }
        created.forEach(Thread::start);
    }

    public void halt() {
        if (run.halt()) {
            signalEveryone();
        }
    }

    /**
     * The close protocol. Stop claims (RUNNING to CLOSING); let the stages run on while the claim cursor
     * moves; once every stage has reached it and it has stayed put for a settle period, fix it as the drain
     * target, so the stages stop there. The settle period covers a single producer that read RUNNING just
     * before the close and whose claim store was not yet visible: a store leaves the store buffer in far
     * less. A multi-producer claim needs no settling (see MultiProducerSequencer). On timeout, halt.
     */
    public ShutdownReport close(long timeoutNanos) {
        long begin = System.nanoTime();
        long deadline = begin + timeoutNanos;
        boolean timedOut = false;
        long target = sequencer.claimedAcquire();
        if (run.getAcquire() == RunState.NEW) {
            run.closed();
        } else if (run.beginClose()) {
            signalEveryone(); // producers blocked on a full ring give up their unclaimed waits
            long settledAt = begin + SETTLE_NANOS;
            for (;;) {
                target = sequencer.claimedAcquire(); // after the volatile state change
                if (!awaitDrained(target, deadline)) {
                    timedOut = !run.isHalted();
                    break;
                }
                long wait = settledAt - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                if (sequencer.claimedAcquire() == target && drained(target)) {
                    break;
                }
            }
            if (timedOut) {
                halt();
            } else if (run.finishDrain(target)) {
                signalEveryone();
            }
        }
        joinUntil(Math.max(deadline, System.nanoTime() + (run.isHalted() ? HALT_GRACE_NANOS : 0)));
        for (Thread t : started) {
            if (t.isAlive()) {
                t.interrupt(); // a stuck handler may respond; the report names it either way
            }
        }
        run.closed();
        signalEveryone(); // producers blocked mid-close see the terminal state
        return report(target, timedOut, System.nanoTime() - begin);
    }

    public boolean awaitTermination(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        for (Thread t : started) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !anyAlive();
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        return !anyAlive();
    }

    /** A stage thread calling close would wait for itself. */
    public void checkNotStageThread(String call) {
        if (threads.containsKey(Thread.currentThread())) {
            throw new IllegalStateException(call + " called from stage thread '" + Thread.currentThread().getName()
                    + "' would wait for itself; use halt() from a handler");
        }
    }

    private boolean awaitDrained(long target, long deadline) {
        while (!drained(target)) {
            if (System.nanoTime() - deadline >= 0 || run.isHalted()) {
                return false;
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
        return true;
    }

    /** Every stage, started or not, thread or poller, has finished the target. */
    private boolean drained(long target) {
        for (StageNode n : topology.nodes()) {
            if (n.minimumProgress() < target) {
                return false;
            }
        }
        return true;
    }

    private void joinUntil(long deadline) {
        boolean interrupted = false;
        for (Thread t : started) {
            while (t.isAlive()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedJoin(t, left);
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean anyAlive() {
        return started.stream().anyMatch(Thread::isAlive);
    }

    private ShutdownReport report(long target, boolean timedOut, long tookNanos) {
        List<ShutdownReport.StageReport> stages = new ArrayList<>();
        boolean drained = !timedOut;
        for (StageNode n : topology.nodes()) {
            long seq = n.minimumProgress();
            boolean stuck = threads.entrySet().stream().anyMatch(e -> e.getValue() == n && e.getKey().isAlive());
            long remaining = Math.max(0, target - seq);
            drained &= remaining == 0;
            stages.add(new ShutdownReport.StageReport(n.name(), seq, remaining, stuck));
        }
        return new ShutdownReport(drained, timedOut, target, stages, Duration.ofNanos(tookNanos));
    }

    private void signalEveryone() {
        for (WaitStrategy w : topology.signalledStrategies(sequencer)) {
            w.signalAll();
        }
    }
}
