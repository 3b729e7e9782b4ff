package io.ringbus.internal.jfr;

import io.ringbus.ShutdownReport;

/**
 * Commits the bus's JFR events. Call only on slow paths: each method builds its event only when a recording
 * has it enabled, so with JFR off a call costs one allocation the JIT removes and one check.
 */
public final class BusEvents {
    private BusEvents() {
    }

    /** A producer waited {@code nanos} for room. */
    public static void producerStalled(String bus, long nanos) {
        ProducerStallEvent e = new ProducerStallEvent();
        if (e.shouldCommit()) {
            e.bus = bus;
            e.stall = nanos;
            e.commit();
        }
    }

    /** The watchdog found {@code stage} stalled. */
    public static void stageStalled(String bus, String stage, long sequence, long backlog, long stalledNanos) {
        StageStallEvent e = new StageStallEvent();
        if (e.shouldCommit()) {
            e.bus = bus;
            e.stage = stage;
            e.sequence = sequence;
            e.backlog = backlog;
            e.stalledFor = stalledNanos;
            e.commit();
        }
    }

    /** A handler or lifecycle hook of {@code stage} threw. */
    public static void handlerFailed(String stage, long sequence, int attempt, String phase, Throwable error) {
        HandlerFailureEvent e = new HandlerFailureEvent();
        if (e.shouldCommit()) {
            e.stage = stage;
            e.sequence = sequence;
            e.attempt = attempt;
            e.phase = phase;
            e.exception = error.getClass().getName();
            e.message = String.valueOf(error.getMessage());
            e.commit();
        }
    }

    /** {@code bus} closed with {@code report}. */
    public static void closed(String bus, ShutdownReport report) {
        BusCloseEvent e = new BusCloseEvent();
        if (e.shouldCommit()) {
            e.bus = bus;
            e.drained = report.drained();
            e.timedOut = report.timedOut();
            e.lastSequence = report.lastSequence();
            e.remaining = report.remaining();
            e.took = report.took().toNanos();
            e.report = report.toString();
            e.commit();
        }
    }

    /** {@code bus} halted, with {@code claimed} the highest claimed sequence. */
    public static void halted(String bus, long claimed) {
        BusHaltEvent e = new BusHaltEvent();
        if (e.shouldCommit()) {
            e.bus = bus;
            e.claimed = claimed;
            e.commit();
        }
    }
}
