package io.ringbus.examples.packet;

import org.agrona.DirectBuffer;

import java.nio.ByteOrder;

/**
 * The synthetic wire format, in network byte order. The payload is opaque, a whole number of 8-byte words,
 * covered by a checksum in the header so that a torn or stale packet cannot pass as valid.
 *
 * <pre>
 *   0  int    magic "RBP1"
 *   4  long   flow id
 *   12 int    flow sequence: 0, 1, 2, ... per flow
 *   16 byte   protocol (6 TCP, 17 UDP), then one byte of padding
 *   18 short  source port
 *   20 short  destination port
 *   22 short  payload length
 *   24 int    payload checksum
 *   28 ...    payload, up to 96 bytes
 * </pre>
 */
final class PacketLayout {
    static final ByteOrder NETWORK = ByteOrder.BIG_ENDIAN;
    static final int MAGIC = 0x52425031;

    static final int MAGIC_OFFSET = 0;
    static final int FLOW_ID_OFFSET = 4;
    static final int FLOW_SEQ_OFFSET = 12;
    static final int PROTOCOL_OFFSET = 16;
    static final int SRC_PORT_OFFSET = 18;
    static final int DST_PORT_OFFSET = 20;
    static final int PAYLOAD_LENGTH_OFFSET = 22;
    static final int CHECKSUM_OFFSET = 24;
    static final int HEADER_LENGTH = 28;
    static final int MAX_PAYLOAD = 96;
    static final int MAX_PACKET = HEADER_LENGTH + MAX_PAYLOAD;

    static final byte TCP = 6;
    static final byte UDP = 17;

    /** FNV-1a over the payload's 8-byte words. */
    static int checksum(DirectBuffer buffer, int payloadLength) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < payloadLength; i += Long.BYTES) {
            h = (h ^ buffer.getLong(HEADER_LENGTH + i)) * 0x100000001b3L;
        }
        return (int) (h ^ (h >>> 32));
    }

    private PacketLayout() {
    }
}
