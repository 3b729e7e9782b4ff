package io.ringbus.examples.packet;

import io.ringbus.Publisher;
import org.agrona.concurrent.UnsafeBuffer;

import static io.ringbus.examples.packet.PacketLayout.NETWORK;

/**
 * The producer: writes synthetic packets straight into claimed slots, a batch of slots per claim, as a
 * receive loop would with a burst from the NIC. A fixed table of flows, each with its own ports and
 * protocol; a quarter of the packets come from a few elephant flows, so the load is not even. Each flow's
 * packets are numbered 0, 1, 2, ... so that the workers can check per-flow order.
 */
final class PacketSource implements Runnable {
    static final int FLOWS = 4096;
    private static final int ELEPHANTS = 8;
    private static final int BURST = 32;
    private static final int[] PORTS = {443, 443, 80, 53, 5060, 8080, 9000};

    private final Publisher<Packet> publisher;
    private final long packets;
    private final long[] flowIds = new long[FLOWS];
    private final byte[] protocols = new byte[FLOWS];
    private final short[] srcPorts = new short[FLOWS];
    private final short[] dstPorts = new short[FLOWS];
    private final int[] nextSeq = new int[FLOWS];
    private volatile boolean running = true;
    private long seed = 0x2545F4914F6CDD1DL;
    long published;

    /** @param packets how many to send; {@code Long.MAX_VALUE} to run until {@link #stop()} */
    PacketSource(Publisher<Packet> publisher, long packets) {
        this.publisher = publisher;
        this.packets = packets;
        for (int f = 0; f < FLOWS; f++) {
            flowIds[f] = nextRandom();
            dstPorts[f] = (short) PORTS[f % PORTS.length];
            protocols[f] = dstPorts[f] == 53 || dstPorts[f] == 5060 ? PacketLayout.UDP : PacketLayout.TCP;
            srcPorts[f] = (short) (1024 + nextRandom() % 60_000);
        }
    }

    @Override
    public void run() {
        while (published < packets && running) {
            int n = (int) Math.min(BURST, packets - published);
            long lo = publisher.claim(n);                  // n consecutive slots in one claim
            for (int i = 0; i < n; i++) {
                write(publisher.get(lo + i));
            }
            publisher.publish(lo, lo + n - 1);             // one publish for the burst
            published += n;
        }
    }

    void stop() {
        running = false;
    }

    private void write(Packet packet) {
        long r = nextRandom();
        int flow = (r & 3) == 0 ? (int) ((r >>> 2) % ELEPHANTS) : (int) ((r >>> 2) % FLOWS);
        int payloadLength = (int) ((r >>> 20) % (PacketLayout.MAX_PAYLOAD / Long.BYTES + 1)) * Long.BYTES;
        UnsafeBuffer b = packet.bytes;
        for (int i = 0; i < payloadLength; i += Long.BYTES) {
            b.putLong(PacketLayout.HEADER_LENGTH + i, r * (i + 1));
        }
        b.putInt(PacketLayout.MAGIC_OFFSET, PacketLayout.MAGIC, NETWORK);
        b.putLong(PacketLayout.FLOW_ID_OFFSET, flowIds[flow], NETWORK);
        b.putInt(PacketLayout.FLOW_SEQ_OFFSET, nextSeq[flow]++, NETWORK);
        b.putByte(PacketLayout.PROTOCOL_OFFSET, protocols[flow]);
        b.putShort(PacketLayout.SRC_PORT_OFFSET, srcPorts[flow], NETWORK);
        b.putShort(PacketLayout.DST_PORT_OFFSET, dstPorts[flow], NETWORK);
        b.putShort(PacketLayout.PAYLOAD_LENGTH_OFFSET, (short) payloadLength, NETWORK);
        b.putInt(PacketLayout.CHECKSUM_OFFSET, PacketLayout.checksum(b, payloadLength), NETWORK);
        packet.length = PacketLayout.HEADER_LENGTH + payloadLength;
    }

    private long nextRandom() {
        long x = seed;
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        seed = x;
        return x >>> 1;
    }
}
