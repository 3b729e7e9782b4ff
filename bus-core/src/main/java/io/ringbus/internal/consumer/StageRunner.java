package io.ringbus.internal.consumer;

import io.ringbus.ShutdownReport;
import io.ringbus.StageThreadFactory;
import io.ringbus.StageThreadInfo;
import io.ringbus.internal.jfr.BusEvents;
import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.lifecycle.Timeouts;
import io.ringbus.internal.producer.Sequencer;
import io.ringbus.internal.sequence.Sequence;
import io.ringbus.wait.WaitStrategy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
    private static final long TIMED_OUT = Long.MIN_VALUE;
    private static final System.Logger LOG = System.getLogger("io.ringbus");
    /** How long an unfenced claim cursor must stay put, after the state change, before it is the target. */
    private static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String busName;
    private final Topology topology;
    private final Sequencer sequencer;
    private final RunState run;
    private final StageThreadFactory threadFactory;
    private final Map<Thread, StageNode> threads = new IdentityHashMap<>();
    private final ConsumerThreads consumers;
    private volatile List<Thread> started = List.of();

    public StageRunner(String busName, Topology topology, Sequencer sequencer, RunState run, StageThreadFactory factory) {
        this.busName = busName;
        this.topology = topology;
        this.sequencer = sequencer;
        this.run = run;
        this.threadFactory = factory;
        this.consumers = new ConsumerThreads(topology);
    }

    /**
     * Creates every thread, then opens the bus, then starts them: a stage not yet running still gates. If a
     * thread fails to start, rolls back: halts, joins the threads that did start (waiting at most
     * joinTimeoutNanos) and throws, so the bus is never left running with a stage that will never run.
     */
    public void start(long joinTimeoutNanos) {
        List<Thread> created = new ArrayList<>();
        for (StageNode node : topology.nodes()) {
            List<? extends Runnable> bodies = node.threadBodies();
            Sequence[] progress = node.progress(); // one per thread body, in the same order
            for (int i = 0; i < bodies.size(); i++) {
                String threadName = busName + "-" + node.name() + (bodies.size() > 1 ? "-" + i : "");
                StageThreadInfo info = new StageThreadInfo(busName, node.name(), node.kind(), i, bodies.size(),
                        threadName);
                Thread t = threadFactory.newThread(info, bodies.get(i));
                if (t == null) {
                    throw new IllegalStateException("threadFactory returned null for stage '" + node.name() + "'");
                }
                t.setName(threadName);
                threads.put(t, node);
                consumers.add(t, node, progress[i]);
                created.add(t);
            }
        }
        started = List.copyOf(created);
        sequencer.watchConsumers(consumers, this::halt);
        if (!run.start()) {
            throw new IllegalStateException("start(): the bus was already started or stopped");
        }
        for (Thread t : created) {
            try {
                t.start();
            } catch (Throwable failure) {
                halt();
                joinUntil(System.nanoTime() + Timeouts.clamp(joinTimeoutNanos));
                throw new IllegalStateException("start(): thread '" + t.getName() + "' of stage '"
                        + threads.get(t).name() + "' failed to start; the bus is halted", failure);
            }
        }
    }

    public void halt() {
        if (run.halt()) {
            signalEveryone();
            BusEvents.halted(busName, sequencer.claimedAcquire());
        }
    }

    /**
     * The close protocol. Stop claims (RUNNING to CLOSING) and let the stages run on. Once every stage has
     * reached the claim cursor, fix it as the drain target: the stages stop there, and publishes beyond it
     * are refused. A claim stores the claim cursor before it reads the state, and close writes the state
     * before it reads the cursor; when both sides are volatile (a multi-producer's atomic add, a fenced
     * single-producer claim) one always sees the other, so the first drained read is exact. An unfenced
     * single-producer claim (producers promised to stop before close) may be missed by that read while its
     * store is buffered, so the cursor must then stay put for a settle period after the state change, and
     * a claim seen above the target after the stages stopped is reported as undelivered. On timeout, halt.
     * A timeout beyond {@link Timeouts#MAX_NANOS} waits as long as it takes.
     */
    public ShutdownReport close(long timeoutNanos) {
        long begin = System.nanoTime();
        long deadline = begin + Timeouts.clamp(timeoutNanos);
        boolean timedOut = false;
        long target = sequencer.claimedAcquire();
        if (run.getAcquire() == RunState.NEW) {
            run.finishDrain(target); // pollers of a bus that never started report CLOSED
            run.closed();
        } else if (run.beginClose()) {
            signalEveryone(); // producers blocked on a full ring give up their unclaimed waits
            target = awaitDrain(deadline);
            if (target == TIMED_OUT) {
                timedOut = true;
                target = sequencer.claimedAcquire();
                halt();
            } else if (run.finishDrain(target)) {
                signalEveryone();
            }
        }
        joinUntil(Timeouts.later(deadline, System.nanoTime() + (run.isHalted() ? HALT_GRACE_NANOS : 0)));
        for (Thread t : started) {
            if (t.isAlive()) {
                t.interrupt(); // a stuck handler may respond; the report names it either way
            }
        }
        run.closed();
        signalEveryone(); // producers blocked mid-close see the terminal state
        long raced = timedOut || run.isHalted() || sequencer.closeIsExact() ? 0 : racedClaims(target);
        return report(target, timedOut, raced, System.nanoTime() - begin);
    }

    public boolean awaitTermination(long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + Timeouts.clamp(timeoutNanos);
        for (Thread t : started) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !anyAlive();
            }
            TimeUnit.NANOSECONDS.timedJoin(t, left);
        }
        return !anyAlive();
    }

    /** A close from a poller's thread while it is behind, or from a poll handler, would wait for itself. */
    public void checkNotPollingThread(String call) {
        consumers.checkNotPollingThread(call, run, sequencer.claimedAcquire());
    }

    /** A stage thread calling close would wait for itself. */
    public void checkNotStageThread(String call) {
        if (threads.containsKey(Thread.currentThread())) {
            throw new IllegalStateException(call + " called from stage thread '" + Thread.currentThread().getName()
                    + "' would wait for itself; use halt() from a handler");
        }
    }

    /**
     * Waits until every stage has reached the claim cursor; if the sequencer's close is not exact, also until
     * the cursor has stayed put, drained, for a settle period measured from after the state change. The
     * cursor is re-read each time: it grows with claims that raced the close, and shrinks when a single
     * producer takes such a claim back. Returns the cursor, or {@link #TIMED_OUT}.
     */
    private long awaitDrain(long deadline) {
        boolean exact = sequencer.closeIsExact();
        long candidate = Long.MIN_VALUE;
        long candidateSince = 0;
        for (;;) {
            long target = sequencer.claimedVolatile();
            long now = System.nanoTime();
            if (drained(target)) {
                if (exact) {
                    return target;
                }
                if (target != candidate) {
                    candidate = target;
                    candidateSince = now;
                } else if (now - candidateSince >= SETTLE_NANOS) {
                    return target;
                }
                LockSupport.parkNanos(Math.min(POLL_NANOS, SETTLE_NANOS - (now - candidateSince)));
            } else if (run.isHalted()) {
                return target;
            } else if (now - deadline >= 0) {
                return TIMED_OUT;
            } else {
                candidate = Long.MIN_VALUE;
                LockSupport.parkNanos(POLL_NANOS);
            }
        }
    }

    /**
     * After the stages stopped: claims above the drain target, which only an unfenced single-producer claim
     * racing the close can leave. Each was refused at publish or never delivered; either way it is loud.
     */
    private long racedClaims(long target) {
        long claimed = sequencer.claimedVolatile();
        if (claimed <= target) {
            return 0;
        }
        LOG.log(System.Logger.Level.ERROR, "ringbus '" + busName + "': sequences " + (target + 1) + ".." + claimed
                + " were claimed while close() fixed its drain target at " + target + "; they were refused or not"
                + " delivered. A SINGLE producer must stop before close() when producersStopBeforeClose is set");
        return claimed - target;
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

    private ShutdownReport report(long target, boolean timedOut, long raced, long tookNanos) {
        List<ShutdownReport.StageReport> stages = new ArrayList<>();
        boolean drained = !timedOut && raced == 0;
        for (StageNode n : topology.nodes()) {
            long seq = n.minimumProgress();
            boolean stuck = threads.entrySet().stream().anyMatch(e -> e.getValue() == n && e.getKey().isAlive());
            long remaining = Math.max(0, target - seq);
            drained &= remaining == 0;
            stages.add(new ShutdownReport.StageReport(n.name(), seq, remaining, stuck));
        }
        return new ShutdownReport(drained, timedOut, target, raced, stages, Duration.ofNanos(tookNanos));
    }

    private void signalEveryone() {
        for (WaitStrategy w : topology.signalledStrategies(sequencer)) {
            w.signalAll();
        }
    }
}
