package io.ringbus.internal.consumer;

import io.ringbus.EventHandler;
import io.ringbus.ExceptionPolicy;
import io.ringbus.ExceptionPolicy.Action;
import io.ringbus.internal.jfr.BusEvents;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Applies a stage's {@link ExceptionPolicy} and counts failures. If the policy itself throws, the answer is
 * {@link Action#HALT}: a broken policy must stop the bus rather than kill a thread silently.
 */
final class FailureGuard<E> {
    /** What {@link #deliver} did: handled the event, went past a failure (the policy said continue), or halted. */
    static final int DELIVERED = 0;
    static final int FAILED = 1;
    static final int HALTED = 2;

    private static final System.Logger LOG = System.getLogger("io.ringbus");
    private static final VarHandle FAILURES;

    static {
        try {
            FAILURES = MethodHandles.lookup().findVarHandle(FailureGuard.class, "failures", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ExceptionPolicy<? super E> policy;
    private final String stage;
    private long failures;

    FailureGuard(ExceptionPolicy<? super E> policy, String stage) {
        this.policy = policy;
        this.stage = stage;
    }

    /**
     * Calls {@code handler}, applying the policy to a failure: continue, retry (until the bus halts), or halt.
     * Returns {@link #DELIVERED}, {@link #FAILED} (the handler threw and the policy went on: the stages after
     * this one skip the event) or {@link #HALTED}.
     */
    int deliver(EventHandler<? super E> handler, E event, long s, boolean endOfBatch, StageBarrier barrier,
                Runnable haltBus) {
        for (int attempt = 1; ; attempt++) {
            try {
                handler.onEvent(event, s, endOfBatch);
                return DELIVERED;
            } catch (Throwable t) {
                Action action = onEventFailure(t, s, event, attempt);
                if (action == Action.CONTINUE) {
                    return FAILED;
                }
                if (action == Action.HALT || barrier.isHalted()) {
                    haltBus.run();
                    return HALTED;
                }
            }
        }
    }

    Action onEventFailure(Throwable error, long sequence, E event, int attempt) {
        FAILURES.getAndAdd(this, 1L); // a pool's workers share one guard
        BusEvents.handlerFailed(stage, sequence, attempt, "onEvent", error);
        try {
            Action action = policy.onEventException(error, sequence, event, stage, attempt);
            return action == null ? Action.HALT : action;
        } catch (Throwable policyFailure) {
            logPolicyFailure(policyFailure, error);
            return Action.HALT;
        }
    }

    /** Routes an onStart, onShutdown or onBatchStart failure; returns false if the bus must halt. */
    boolean onLifecycleFailure(Throwable error, String phase) {
        FAILURES.getAndAdd(this, 1L);
        BusEvents.handlerFailed(stage, -1, 1, phase, error);
        try {
            policy.onLifecycleException(error, stage, phase);
            return true;
        } catch (Throwable policyFailure) {
            logPolicyFailure(policyFailure, error);
            return false;
        }
    }

    /**
     * Best effort: the caller halts whatever happens here. A policy may rethrow the very error it was given
     * (self-suppression throws), and the logger may fail as well, for instance when the heap is exhausted.
     */
    private void logPolicyFailure(Throwable policyFailure, Throwable error) {
        try {
            if (policyFailure != error) {
                policyFailure.addSuppressed(error);
            }
            LOG.log(System.Logger.Level.ERROR,
                    "ringbus stage '" + stage + "': exception policy threw; halting the bus", policyFailure);
        } catch (Throwable ignored) {
            // halting matters more than the log line
        }
    }

    long failures() {
        return (long) FAILURES.getOpaque(this);
    }
}
