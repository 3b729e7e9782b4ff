package io.ringbus.latency.machine;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * CPU time of this process and of the whole machine, so a result can say how much CPU other processes
 * took while it ran. Machine time comes from the first line of /proc/stat (in USER_HZ ticks, 100 per second
 * on Linux); our own from the JVM's process CPU clock. Off Linux the machine figure is unknown (NaN).
 */
public final class CpuMeter {
    /** USER_HZ: the unit of /proc/stat, fixed at 100 by the Linux ABI. */
    static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC_STAT = Path.of("/proc/stat");

    private CpuMeter() {
    }

    /** One reading of the wall clock, our CPU time and the machine's busy time. */
    public record Sample(long wallNanos, long selfCpuNanos, long machineBusyTicks) {

        /** Cores' worth of CPU this process used since {@code before}. */
        public double selfCores(Sample before) {
            long wall = wallNanos - before.wallNanos;
            return wall <= 0 ? 0 : (double) (selfCpuNanos - before.selfCpuNanos) / wall;
        }

        /** Cores' worth of CPU everything else on the machine used since {@code before}; NaN if unknown. */
        public double otherCores(Sample before) {
            if (machineBusyTicks < 0 || before.machineBusyTicks < 0) {
                return Double.NaN;
            }
            double wallSeconds = (wallNanos - before.wallNanos) / 1e9;
            if (wallSeconds <= 0) {
                return 0;
            }
            double busy = (machineBusyTicks - before.machineBusyTicks) / TICKS_PER_SECOND;
            double self = (selfCpuNanos - before.selfCpuNanos) / 1e9;
            // Tick accounting is coarse (10 ms), so small negatives are rounding, not news.
            return Math.max(0, busy - self) / wallSeconds;
        }
    }

    public static Sample sample() {
        return new Sample(System.nanoTime(), processCpuNanos(), machineBusyTicks());
    }

    static long processCpuNanos() {
        java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean) {
            return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
        }
        return -1;
    }

    /** user + nice + system + irq + softirq + steal from the aggregate cpu line; -1 if unreadable. */
    static long machineBusyTicks() {
        try {
            List<String> lines = Files.readAllLines(PROC_STAT);
            return parseBusyTicks(lines.get(0));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long parseBusyTicks(String cpuLine) {
        String[] f = cpuLine.trim().split("\\s+");
        if (!"cpu".equals(f[0]) || f.length < 8) {
            return -1;
        }
        long busy = 0;
        int[] busyFields = {1, 2, 3, 6, 7};
        for (int i : busyFields) {
            busy += Long.parseLong(f[i]);
        }
        if (f.length > 8) {
            busy += Long.parseLong(f[8]);
        }
        return busy;
    }
}
