package io.ringbus.examples.packet;

import org.agrona.concurrent.UnsafeBuffer;

/**
 * A packet in a ring slot: the raw bytes in a preallocated buffer, as a NIC would hand them over, and the
 * fields the stages derive from them. Each stage writes only its own fields.
 */
final class Packet {
    // written by the source: the frame and its length
    final UnsafeBuffer bytes = new UnsafeBuffer(new byte[PacketLayout.MAX_PACKET]);
    int length;

    // written by Classifier
    boolean valid;
    long flowId;
    int flowSeq;
    long flowHash;
    int trafficClass;

    // written by the FlowWorker that owns the flow: the sequence it handled
    long handledSeq = -1;
}
