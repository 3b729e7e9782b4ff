package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import io.ringbus.latency.adapter.Sender;

/**
 * A producer on a queue graph. Messages come from this producer's own pool, large enough that a pooled
 * message is reused only after every stage is done with it: each queue holds at most its capacity, each
 * handler at most one more, and a successful offer happens after the consumer freed that room, so the pool
 * covers all stages with room to spare (see {@link QueueChannel#poolSize}).
 */
final class QueueSender implements Sender {
    private final MsgQueue[] outputs;
    private final QueueWait wait;
    private final Msg[] pool;
    private final int mask;
    private long next;

    QueueSender(MsgQueue[] outputs, QueueWait wait, int poolSize) {
        this.outputs = outputs.clone();
        this.wait = wait;
        this.pool = new Msg[poolSize];
        this.mask = poolSize - 1;
        for (int i = 0; i < poolSize; i++) {
            pool[i] = new Msg();
        }
    }

    @Override
    public void send(long value, long stamp) {
        Msg m = pool[(int) (next++ & mask)];
        m.set(value, stamp);
        for (MsgQueue out : outputs) {
            wait.put(out, m);
        }
    }
}
