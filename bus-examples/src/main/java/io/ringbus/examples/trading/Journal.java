package io.ringbus.examples.trading;

import io.ringbus.EventHandler;

import java.nio.ByteBuffer;

/**
 * Journals each order before it can be matched, as a replay log would. Appends a fixed-size record to a
 * preallocated direct buffer (standing in for a memory-mapped file) and "flushes" once per batch, which is
 * what the end-of-batch flag is for: one flush covers every order of the batch.
 */
final class Journal implements EventHandler<Order> {
    private static final int RECORD_BYTES = 32;
    private final ByteBuffer log = ByteBuffer.allocateDirect(1 << 20);
    private final AllocationMeter meter = new AllocationMeter();
    private long position;
    long journaled;
    long flushes;

    @Override
    public void onEvent(Order order, long sequence, boolean endOfBatch) {
        meter.onEvent();
        if (log.remaining() < RECORD_BYTES) {
            log.clear();                           // wrap: the demo keeps only the tail of the log
        }
        log.putLong(order.orderId).putInt(order.account).put(order.side).put((byte) 0).putShort((short) 0)
                .putLong(order.quantity).putLong(order.sentNanos);
        order.journalPosition = position;
        order.journaledId = order.orderId;
        position += RECORD_BYTES;
        journaled++;
        if (endOfBatch) {
            flushes++;                             // a real journal would force the file here
        }
    }

    @Override
    public void onShutdown() {
        meter.stop();
    }

    AllocationMeter meter() {
        return meter;
    }
}
