package io.ringbus.examples.packet;

import io.ringbus.EventHandler;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringbus.examples.packet.PacketLayout.NETWORK;

/**
 * Parses and classifies each packet in place: checks the magic, the length and the payload checksum, pulls
 * out the flow id and sequence, hashes the flow for the partitioned pool downstream, and picks a traffic
 * class from the destination port. A packet that fails a check is marked invalid, not dropped, so every
 * later stage still accounts for it.
 */
final class Classifier implements EventHandler<Packet> {
    long parsed;
    long invalid;

    @Override
    public void onEvent(Packet p, long sequence, boolean endOfBatch) {
        UnsafeBuffer b = p.bytes;
        int payloadLength = b.getShort(PacketLayout.PAYLOAD_LENGTH_OFFSET, NETWORK) & 0xffff;
        boolean valid = b.getInt(PacketLayout.MAGIC_OFFSET, NETWORK) == PacketLayout.MAGIC
                && p.length == PacketLayout.HEADER_LENGTH + payloadLength
                && payloadLength <= PacketLayout.MAX_PAYLOAD
                && b.getInt(PacketLayout.CHECKSUM_OFFSET, NETWORK) == PacketLayout.checksum(b, payloadLength);
        int srcPort = b.getShort(PacketLayout.SRC_PORT_OFFSET, NETWORK) & 0xffff;
        int dstPort = b.getShort(PacketLayout.DST_PORT_OFFSET, NETWORK) & 0xffff;
        byte protocol = b.getByte(PacketLayout.PROTOCOL_OFFSET);
        p.flowId = b.getLong(PacketLayout.FLOW_ID_OFFSET, NETWORK);
        p.flowSeq = b.getInt(PacketLayout.FLOW_SEQ_OFFSET, NETWORK);
        p.flowHash = flowHash(p.flowId, protocol, srcPort, dstPort);
        p.trafficClass = TrafficClass.ofPort(dstPort);
        p.valid = valid;
        parsed++;
        if (!valid) {
            invalid++;
        }
    }

    /** The same flow always hashes the same, so the pool sends it to the same worker. */
    static long flowHash(long flowId, byte protocol, int srcPort, int dstPort) {
        return (flowId * 0x9E3779B97F4A7C15L) ^ ((long) protocol << 32) ^ ((long) srcPort << 16) ^ dstPort;
    }
}
