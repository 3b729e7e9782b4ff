package io.ringbus.latency.adapter.queue;

import io.ringbus.latency.adapter.Msg;
import java.util.function.Consumer;
import org.jctools.queues.MessagePassingQueue;

/** A drain target that both Agrona (java.util.function) and JCTools (its own Consumer) accept. */
interface MsgSink extends Consumer<Msg>, MessagePassingQueue.Consumer<Msg> {
    @Override
    void accept(Msg msg);
}
