package io.ringbus.testkit;

import io.ringbus.wait.BlockingWaitStrategy;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;

import java.util.function.Supplier;

/** The four wait strategies as a test parameter; each call to {@link #create()} makes a fresh instance. */
public enum WaitKind {
    BUSY_SPIN(BusySpinWaitStrategy::new, true),
    YIELD(YieldingWaitStrategy::new, false),
    PARK(ParkingWaitStrategy::new, false),
    BLOCKING(BlockingWaitStrategy::new, false);

    private final Supplier<WaitStrategy> factory;
    private final boolean spins;

    WaitKind(Supplier<WaitStrategy> factory, boolean spins) {
        this.factory = factory;
        this.spins = spins;
    }

    public WaitStrategy create() {
        return factory.get();
    }

    /** True if a thread waiting this way never gives its core away: it counts against the 2-core budget. */
    public boolean spins() {
        return spins;
    }
}
