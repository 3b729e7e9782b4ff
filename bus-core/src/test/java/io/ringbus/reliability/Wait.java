package io.ringbus.reliability;

import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;

/** The four wait strategies, as a test dimension. Each call to {@link #create()} returns a new instance. */
enum Wait {
    BUSY_SPIN("busy-spin"),
    YIELD("yield"),
    PARK("park"),
    BLOCKING("blocking");

    /**
     * The blocking strategy's safety-net sleep. Long on purpose: with the 1 s default a lost wake-up would
     * only cost a second and pass unnoticed; with this one it stalls past every bound the tests set.
     */
    static final long BLOCKING_SAFETY_NET_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String label;

    Wait(String label) {
        this.label = label;
    }

    WaitStrategy create() {
        switch (this) {
            case BUSY_SPIN: return new BusySpinWaitStrategy();
            case YIELD: return new YieldingWaitStrategy();
            case PARK: return new ParkingWaitStrategy();
            default: return new BlockingWaitStrategy(BLOCKING_SAFETY_NET_NANOS);
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
