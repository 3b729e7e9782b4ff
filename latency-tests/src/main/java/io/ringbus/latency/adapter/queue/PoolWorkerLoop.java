package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.StageHandler;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One worker of a queue worker pool: drain the shared queue with the library's own drain, call this
 * worker's handler, then release the message to its producer's pool (see {@link RecyclingSender}).
 * The queue hands each message to exactly one worker.
 */
final class PoolWorkerLoop implements Runnable, MsgSink {
    private final MsgQueue queue;
    private final StageHandler handler;
    private final QueueWait wait;
    private final AtomicBoolean stopping;
    private final int drainLimit;

    PoolWorkerLoop(MsgQueue queue, StageHandler handler, QueueWait wait, AtomicBoolean stopping, int drainLimit) {
        this.queue = queue;
        this.handler = handler;
        this.wait = wait;
        this.stopping = stopping;
        this.drainLimit = drainLimit;
    }

    @Override
    public void run() {
        handler.onStart();
        while (true) {
            if (queue.drain(this, drainLimit) > 0) {
                wait.reset();
                continue;
            }
            // Close comes after the producers stopped, so empty now means empty for good.
            if (stopping.get() && queue.isEmpty()) {
                return;
            }
            Msg m = wait.await(queue);
            if (m != null) {
                accept(m);
            }
        }
    }

    @Override
    public void accept(Msg msg) {
        handler.onEvent(msg);
        msg.release();
    }
}
