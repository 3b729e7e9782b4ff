package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.internal.metrics.StageCounters;
import io.ringbus.wait.WaitStrategy;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * The life of one consumer thread as an explicit state machine: IDLE, then RUNNING, then STOPPED, in one
 * atomic field. Runs the start hook, the subclass's loop and the shutdown hook; whatever escapes the loop
 * halts the bus, so a thread never dies silently while producers wait for it.
 */
abstract class StageLoop<E> implements Runnable {
    static final int IDLE = 0;
    static final int RUNNING = 1;
    static final int STOPPED = 2;

    private static final System.Logger LOG = System.getLogger("io.ringbus");
    private static final VarHandle STATE;
    private static final VarHandle BATCHES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            STATE = lookup.findVarHandle(StageLoop.class, "state", int.class);
            BATCHES = lookup.findVarHandle(StageLoop.class, "batches", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    protected final String name;
    protected final Runnable haltBus;
    protected final EventHandler<? super E> handler;
    protected final FailureGuard<E> guard;
    private final StageCounters counters;
    private WaitStrategy[] toSignal = new WaitStrategy[0];
    private int state = IDLE;
    private long batches;

    StageLoop(String name, EventHandler<? super E> handler, FailureGuard<E> guard, Runnable haltBus,
              StageCounters counters) {
        this.name = name;
        this.counters = counters;
        this.handler = handler;
        this.guard = guard;
        this.haltBus = haltBus;
    }

    /** The strategies of whoever waits on this stage's progress and needs a signal: set before start. */
    final void signalTargets(WaitStrategy[] strategies) {
        this.toSignal = strategies.clone();
    }

    @Override
    public final void run() {
        if (!STATE.compareAndSet(this, IDLE, RUNNING)) {
            throw new IllegalStateException("stage '" + name + "' is already running or has run");
        }
        try {
            if (!hook("onStart")) {
                haltBus.run();
            }
            loop();
        } catch (Throwable fatal) {
            haltBus.run(); // first: logging may fail too, for instance when the heap is exhausted
            log(fatal);
        } finally {
            try {
                if (!hook("onShutdown")) {
                    haltBus.run();
                }
            } finally {
                STATE.setRelease(this, STOPPED);
            }
        }
    }

    private void log(Throwable fatal) {
        try {
            LOG.log(System.Logger.Level.ERROR, "ringbus stage '" + name + "' failed; halting the bus", fatal);
        } catch (Throwable ignored) {
            // the bus is halted already; nothing better to do with a failing logger
        }
    }

    /** Processes events until the stage is halted or drained. */
    protected abstract void loop();

    /** Runs a lifecycle hook, routing a failure to the policy; false if the bus must halt. */
    private boolean hook(String phase) {
        try {
            if (phase.equals("onStart")) {
                handler.onStart();
            } else {
                handler.onShutdown();
            }
            return true;
        } catch (Throwable t) {
            return guard.onLifecycleFailure(t, phase);
        }
    }

    /** After publishing progress: wakes blocked waiters downstream and the producer, if any block. */
    protected final void signalProgress() {
        for (WaitStrategy w : toSignal) {
            w.signalAll();
        }
    }

    /** After a batch of {@code size} sequences: single writer, opaque stores, no fence. */
    protected final void countBatch(long size) {
        BATCHES.setOpaque(this, batches + 1);
        counters.onBatch(size);
    }

    final StageCounters counters() {
        return counters;
    }

    final long batches() {
        return (long) BATCHES.getOpaque(this);
    }

    final int state() {
        return (int) STATE.getAcquire(this);
    }

    final String name() {
        return name;
    }
}
