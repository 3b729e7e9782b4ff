package io.ringbus.internal.producer;

/**
 * Tells a producer that is about to wait for room whether that wait could ever end. A stage thread of the
 * same bus that claims while the ring is full waits for the gating stages, which cannot pass its own progress,
 * and its own progress cannot move until its handler returns. Consulted only on the slow path of a claim.
 */
@FunctionalInterface
public interface SelfWaitCheck {
    /** No stage threads known: every wait may end. */
    SelfWaitCheck NONE = wrapPoint -> null;

    /**
     * The name of the calling thread's stage if it is a consumer of this bus whose own progress is below
     * {@code wrapPoint}, so that a wait for the gating stages to reach {@code wrapPoint} never ends; else null.
     */
    String stageWaitingForItself(long wrapPoint);
}
