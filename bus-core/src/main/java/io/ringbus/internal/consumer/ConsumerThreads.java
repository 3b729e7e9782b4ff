package io.ringbus.internal.consumer;

import io.ringbus.internal.lifecycle.RunState;
import io.ringbus.internal.producer.SelfWaitCheck;
import io.ringbus.internal.sequence.Sequence;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Which threads consume this bus: each stage thread with its own progress, and, through the pollers, each
 * polling thread. Used to reject calls that could only wait for their own caller: a claim for room that only
 * the caller's progress can free, and a close from a poller's thread. Consulted off the hot paths only.
 */
final class ConsumerThreads implements SelfWaitCheck {
    private record StageThread(StageNode node, Sequence progress) {
    }

    private final Topology topology;
    /** Filled before the bus opens and read-only afterwards: Thread.start and the opening publish it. */
    private final Map<Thread, StageThread> stageThreads = new IdentityHashMap<>();

    ConsumerThreads(Topology topology) {
        this.topology = topology;
    }

    void add(Thread thread, StageNode node, Sequence ownProgress) {
        stageThreads.put(thread, new StageThread(node, ownProgress));
    }

    /**
     * The gating stages never pass any stage's progress, so if the caller's own progress is below wrapPoint
     * the wait would need the caller to advance, which it cannot do while it waits.
     */
    @Override
    public String stageWaitingForItself(long wrapPoint) {
        StageThread own = stageThreads.get(Thread.currentThread());
        if (own != null) {
            return own.progress().getAcquire() < wrapPoint ? own.node().name() : null;
        }
        for (StageNode n : topology.nodes()) {
            if (n instanceof PollerNode && ((PollerNode<?>) n).callerIsPolling() && n.minimumProgress() < wrapPoint) {
                return n.name(); // a poll handler: its poller cannot advance before the handler returns
            }
        }
        return null;
    }

    /**
     * A close waits for every poller to catch up. From a poller's own thread, while that poller is behind or
     * from inside its handler, it would wait for itself: reject it before anything changes.
     */
    void checkNotPollingThread(String call, RunState run, long claimed) {
        if (run.getAcquire() >= RunState.CLOSED) {
            return; // closed or halted: a close no longer waits for pollers
        }
        for (StageNode n : topology.nodes()) {
            if (n instanceof PollerNode && ((PollerNode<?>) n).blocksCallerWaitingFor(claimed)) {
                throw new IllegalStateException(call + " called from thread '" + Thread.currentThread().getName()
                        + "', which polls '" + n.name() + "', while that poller has events left (or from inside"
                        + " its handler) would wait for itself; poll until CLOSED while another thread closes,"
                        + " or close once the poller has caught up");
            }
        }
    }
}
