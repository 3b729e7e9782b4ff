package io.ringbus.examples.packet;

import io.ringbus.WorkHandler;
import org.agrona.collections.Long2LongHashMap;

/**
 * One worker of the pool partitioned by flow hash: it sees every packet of the flows it owns, in order, and
 * keeps per-flow state in a primitive map sized up front, so nothing is boxed or resized on the hot path.
 * Here the state is the last sequence seen, and a packet that does not continue its flow is counted as an
 * order break. It stamps each packet it handles, for the counters stage to check.
 */
final class FlowWorker implements WorkHandler<Packet> {
    private static final long MISSING = Long.MIN_VALUE;

    private final Long2LongHashMap lastSeq = new Long2LongHashMap(PacketSource.FLOWS * 2, 0.65f, MISSING);
    long handled;
    long orderBreaks;

    @Override
    public void onEvent(Packet p, long sequence) {
        if (p.valid) {
            long last = lastSeq.get(p.flowId);
            int expected = last == MISSING ? 0 : (int) last + 1;   // int arithmetic: wraps like the wire field
            if (p.flowSeq != expected) {
                orderBreaks++;
            }
            lastSeq.put(p.flowId, p.flowSeq);
        }
        p.handledSeq = sequence;
        handled++;
    }

    /** Flows this worker has seen. */
    int flows() {
        return lastSeq.size();
    }
}
