package io.ringbus.examples.trading;

import java.lang.management.ManagementFactory;

/**
 * Measures the bytes one thread allocates on its hot path: it starts counting after a warm-up number of
 * events (class loading and first calls may allocate) and stops when the thread shuts down. Not thread
 * safe: each thread owns its meter; read the result after the thread has been joined.
 */
final class AllocationMeter {
    static final long WARM_UP_EVENTS = 1_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private long events;
    private long startBytes = -1;
    private long allocated = -1;

    /** Call once per event on the owning thread. */
    void onEvent() {
        if (++events == WARM_UP_EVENTS) {
            startBytes = THREADS.getCurrentThreadAllocatedBytes();
        }
    }

    /** Call on the owning thread after its last event. */
    void stop() {
        if (startBytes >= 0) {
            allocated = THREADS.getCurrentThreadAllocatedBytes() - startBytes;
        }
    }

    /** Bytes allocated after the warm-up, or -1 if the thread never got past it. */
    long allocatedBytes() {
        return allocated;
    }
}
