package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import java.util.concurrent.TimeUnit;

/** The few queue operations the harness uses, so one stage loop drives every queue library. */
interface MsgQueue {
    boolean offer(Msg msg);

    Msg poll();

    /** Hands up to {@code limit} messages to the sink in the library's own drain; returns how many. */
    int drain(MsgSink sink, int limit);

    boolean isEmpty();

    /** Blocking put; only queues of a kind that {@link QueueKind#blocks()}. */
    default void put(Msg msg) throws InterruptedException {
        throw new UnsupportedOperationException("not a blocking queue");
    }

    /** Blocking poll with a timeout; only queues of a kind that {@link QueueKind#blocks()}. */
    default Msg poll(long timeout, TimeUnit unit) throws InterruptedException {
        throw new UnsupportedOperationException("not a blocking queue");
    }
}
