package io.ringbus.latency.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Reading /proc/stat and turning it into "cores other processes took". */
class CpuMeterTest {

    @Test
    void busyTicksAreUserNiceSystemIrqSoftirqSteal() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        assertEquals(1 + 2 + 3 + 6 + 7 + 8, CpuMeter.parseBusyTicks("cpu  1 2 3 4 5 6 7 8 9 10"));
        assertEquals(-1, CpuMeter.parseBusyTicks("intr 1 2 3"));
    }

    @Test
    void otherCoresSubtractsOurOwnTime() {
        CpuMeter.Sample before = new CpuMeter.Sample(0, 0, 0);
        // 1 s wall, 150 ticks (1.5 cores) busy, of which 1.0 s ours
        CpuMeter.Sample after = new CpuMeter.Sample(1_000_000_000L, 1_000_000_000L, 150);
        assertEquals(0.5, after.otherCores(before), 1e-9);
        assertEquals(1.0, after.selfCores(before), 1e-9);
        assertEquals(Double.NaN, new CpuMeter.Sample(1, 0, -1).otherCores(before));
    }

    @Test
    void machineInfoIsNeverBlank() {
        MachineInfo m = MachineInfo.current();
        assertEquals(Runtime.getRuntime().availableProcessors(), m.cores());
        assertEquals(false, m.cpuModel().isBlank());
    }
}
