package io.ringbus.testkit;

import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The wait strategies as a pool-test parameter; {@link #create()} makes a fresh instance for each bus. */
public enum PoolWait {
    BUSY_SPIN(BusySpinWaitStrategy::new),
    YIELD(YieldingWaitStrategy::new),
    PARK(ParkingWaitStrategy::new),
    /** With no effective safety-net timeout, so a lost wake-up hangs (and fails a bounded wait) instead of hiding. */
    BLOCKING(() -> new BlockingWaitStrategy(TimeUnit.MINUTES.toNanos(10)));

    private final Supplier<WaitStrategy> factory;

    PoolWait(Supplier<WaitStrategy> factory) {
        this.factory = factory;
    }

    public WaitStrategy create() {
        return factory.get();
    }

    /** True if a waiting thread keeps its core: such threads count against the machine's cores. */
    public boolean holdsCore() {
        return this == BUSY_SPIN;
    }
}
