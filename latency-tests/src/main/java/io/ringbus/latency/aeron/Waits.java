package io.ringbus.latency.aeron;

import io.ringbus.latency.adapter.WaitMode;
import io.ringbus.wait.BusySpinWaitStrategy;
import io.ringbus.wait.ParkingWaitStrategy;
import io.ringbus.wait.WaitStrategy;
import io.ringbus.wait.YieldingWaitStrategy;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.BusySpinIdleStrategy;
import org.agrona.concurrent.IdleStrategy;
import org.agrona.concurrent.YieldingIdleStrategy;

/** The harness's wait modes as Agrona idle strategies (Aeron's side) and ringbus wait strategies (the buses'). */
final class Waits {
    private Waits() {
    }

    static IdleStrategy idle(WaitMode wait) {
        return switch (wait) {
            case SPIN -> new BusySpinIdleStrategy();
            case YIELD -> new YieldingIdleStrategy();
            default -> new BackoffIdleStrategy();
        };
    }

    static WaitStrategy ring(WaitMode wait) {
        return switch (wait) {
            case SPIN -> new BusySpinWaitStrategy();
            case YIELD -> new YieldingWaitStrategy();
            default -> new ParkingWaitStrategy();
        };
    }
}
