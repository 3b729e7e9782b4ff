package io.ringbus.examples.packet;

import io.ringbus.EventHandler;

/**
 * The last stage, after the pool: counts packets and bytes per traffic class, and checks that the pool
 * worker's stamp on each packet is there, which shows a stage after a pool sees the workers' writes.
 */
final class TrafficCounters implements EventHandler<Packet> {
    final long[] packetsByClass = new long[TrafficClass.COUNT];
    final long[] bytesByClass = new long[TrafficClass.COUNT];
    long packets;
    long invalid;
    long unstamped;

    @Override
    public void onEvent(Packet p, long sequence, boolean endOfBatch) {
        if (p.handledSeq != sequence) {
            unstamped++;
        }
        if (p.valid) {
            packetsByClass[p.trafficClass]++;
            bytesByClass[p.trafficClass] += p.length;
        } else {
            invalid++;
        }
        packets++;
    }
}
