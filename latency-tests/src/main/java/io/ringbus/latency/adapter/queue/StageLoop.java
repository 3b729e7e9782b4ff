package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.StageHandler;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The harness's consumer loop for one handler of a queue graph: drain the input, call the handler,
 * forward to every downstream queue. A join (several inputs) takes one message from each input in turn,
 * which keeps the inputs in step because every upstream handler saw the same order.
 */
final class StageLoop implements Runnable, MsgSink {
    private final MsgQueue[] inputs;
    private final MsgQueue[] outputs;
    private final StageHandler handler;
    private final QueueWait wait;
    private final AtomicBoolean stopping;
    private final int drainLimit;

    StageLoop(MsgQueue[] inputs, MsgQueue[] outputs, StageHandler handler, QueueWait wait,
              AtomicBoolean stopping, int drainLimit) {
        this.inputs = inputs.clone();
        this.outputs = outputs.clone();
        this.handler = handler;
        this.wait = wait;
        this.stopping = stopping;
        this.drainLimit = drainLimit;
    }

    @Override
    public void run() {
        handler.onStart();
        if (inputs.length == 1) {
            runSingle(inputs[0]);
        } else {
            runJoin();
        }
    }

    private void runSingle(MsgQueue in) {
        while (true) {
            if (in.drain(this, drainLimit) > 0) {
                wait.reset();
                continue;
            }
            // Upstream stopped before us (close goes stage by stage), so empty now means empty for good.
            if (stopping.get() && in.isEmpty()) {
                return;
            }
            Msg m = wait.await(in);
            if (m != null) {
                accept(m);
            }
        }
    }

    private void runJoin() {
        MsgQueue first = inputs[0];
        while (true) {
            Msg m = first.poll();
            if (m == null) {
                if (stopping.get() && allEmpty()) {
                    return;
                }
                m = wait.await(first);
                if (m == null) {
                    continue;
                }
            }
            wait.reset();
            for (int i = 1; i < inputs.length; i++) {
                while (inputs[i].poll() == null && wait.await(inputs[i]) == null) {
                    // waiting for the other branch to hand over the same message
                }
            }
            accept(m);
        }
    }

    private boolean allEmpty() {
        for (MsgQueue q : inputs) {
            if (!q.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void accept(Msg msg) {
        handler.onEvent(msg);
        for (MsgQueue out : outputs) {
            wait.put(out, msg);
        }
    }
}
