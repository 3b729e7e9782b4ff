package io.ringbus.internal.monitor;

import io.ringbus.ProducerStats;
import io.ringbus.StageStats;
import io.ringbus.StallListener;
import io.ringbus.stat.CountersLayout;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The one low-priority daemon thread per bus that looks at the stages from outside: every period it takes a
 * snapshot of the counters, feeds the stall watchdog and copies the snapshot into the counters file with a
 * new heartbeat. The stages never wait for it or write for it.
 */
public final class BusMonitor {
    private static final System.Logger LOG = System.getLogger("io.ringbus");

    private final String bus;
    private final Supplier<List<StageStats>> stages;
    private final Supplier<ProducerStats> producer;
    private final BooleanSupplier halted;
    private final ProgressWatch watch;
    private final CountersFile file;
    private final long periodNanos;
    private final Thread thread;
    private volatile boolean stopping;

    private BusMonitor(String bus, Supplier<List<StageStats>> stages, Supplier<ProducerStats> producer,
                       BooleanSupplier halted, ProgressWatch watch, CountersFile file, long periodNanos) {
        this.bus = bus;
        this.stages = stages;
        this.producer = producer;
        this.halted = halted;
        this.watch = watch;
        this.file = file;
        this.periodNanos = periodNanos;
        this.thread = new Thread(this::run, bus + "-monitor");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
    }

    /**
     * A monitor for a bus whose graph is fixed, not started yet; creates the counters file if {@code dir}
     * is not null.
     *
     * @param interval     the counters file period
     * @param stallTimeout the watchdog timeout, or null for none
     * @param listener     the watchdog listener, or null for none
     * @throws IOException if the counters file cannot be created
     */
    public static BusMonitor create(String bus, int capacity, Path dir, Duration interval, Duration stallTimeout,
                                    StallListener listener, Supplier<List<StageStats>> stages,
                                    Supplier<ProducerStats> producer, BooleanSupplier halted) throws IOException {
        List<StageStats> labels = stages.get();
        long timeout = stallTimeout == null ? Long.MAX_VALUE : stallTimeout.toNanos();
        ProgressWatch watch = new ProgressWatch(bus, labels.size(), timeout, listener == null ? r -> { } : listener);
        long period = dir != null ? interval.toNanos() : Long.MAX_VALUE;
        if (stallTimeout != null) { // four looks per timeout: a stall is seen within 1.5 timeouts of the last progress
            period = Math.min(period, Math.max(TimeUnit.MILLISECONDS.toNanos(1), timeout / 4));
        }
        CountersFile file = dir == null ? null
                : CountersFile.create(dir, bus, capacity, Math.max(1, interval.toMillis()), labels);
        return new BusMonitor(bus, stages, producer, halted, watch, file, period);
    }

    /** Starts the thread; call once, after the stages started. */
    public void start() {
        thread.start();
    }

    /** The stall episodes the watchdog reported for stage i (in the order the stages were added). */
    public long stalls(int i) {
        return watch.stalls(i);
    }

    /** The counters file, or null if the bus exports none. */
    public Path file() {
        return file == null ? null : file.path();
    }

    /**
     * Stops the thread and writes the last snapshot with the state closed. Called once, by the close, after
     * the stages stopped; also for a monitor never started, when the start failed.
     */
    public void close() {
        stopping = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        try {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (file != null) {
                write(CountersLayout.STATE_CLOSED);
                file.force();
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        while (!stopping) {
            try {
                List<StageStats> snapshot = stages.get();
                watch.observe(snapshot, System.nanoTime(), System.currentTimeMillis(), true);
                if (file != null) {
                    file.update(producer.get(), snapshot, watch.lastProgressMillis(),
                            halted.getAsBoolean() ? CountersLayout.STATE_HALTED : CountersLayout.STATE_RUNNING);
                }
            } catch (Throwable t) { // the monitor must never take the bus down, nor die silently
                LOG.log(System.Logger.Level.ERROR, "ringbus '" + bus + "': monitor update failed", t);
            }
            LockSupport.parkNanos(this, periodNanos);
        }
    }

    private void write(int state) {
        try {
            List<StageStats> last = stages.get();
            watch.observe(last, System.nanoTime(), System.currentTimeMillis(), false); // their last progress too
            file.update(producer.get(), last, watch.lastProgressMillis(), state);
        } catch (Throwable t) {
            LOG.log(System.Logger.Level.ERROR, "ringbus '" + bus + "': final counters update failed", t);
        }
    }
}
