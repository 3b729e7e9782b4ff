package io.ringbus.aeron.internal;

import io.aeron.driver.MediaDriver;
import io.aeron.driver.ThreadingMode;
import io.ringbus.aeron.AeronBridgeBuilder;
import org.agrona.ErrorHandler;
import org.agrona.IoUtil;
import org.agrona.concurrent.BackoffIdleStrategy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * A media driver owned by one bridge, in a directory no one else uses, deleted when it closes. Shared
 * threading and backoff idling by default, so an idle bridge costs no core.
 */
public final class EmbeddedDriver implements AutoCloseable {
    private final MediaDriver driver;
    private final String directory;

    private EmbeddedDriver(MediaDriver driver, String directory) {
        this.driver = driver;
        this.directory = directory;
    }

    /** Launches a driver in a new directory under {@code parent} (null: the default parent). */
    public static EmbeddedDriver launch(Path parent, String name, Consumer<MediaDriver.Context> customizer,
                                        ErrorHandler errors) {
        String dir = uniqueDirectory(parent, name);
        MediaDriver.Context ctx = new MediaDriver.Context()
                .aeronDirectoryName(dir)
                .dirDeleteOnStart(true)
                .dirDeleteOnShutdown(true)
                .threadingMode(ThreadingMode.SHARED)
                .sharedIdleStrategy(new BackoffIdleStrategy(100, 10, 1_000, 1_000_000))
                .ipcTermBufferLength(AeronBridgeBuilder.DEFAULT_TERM_LENGTH)
                .publicationTermBufferLength(AeronBridgeBuilder.DEFAULT_TERM_LENGTH)
                .errorHandler(errors);
        customizer.accept(ctx);
        if (!dir.equals(ctx.aeronDirectoryName())) {
            throw new IllegalArgumentException("driverContext must not change aeronDirectoryName: the embedded "
                    + "driver's directory is the bridge's own; use externalDriver(dir) for another");
        }
        try {
            return new EmbeddedDriver(MediaDriver.launch(ctx), dir);
        } catch (RuntimeException e) {
            IoUtil.delete(new File(dir), true);
            throw e;
        }
    }

    private static String uniqueDirectory(Path parent, String name) {
        Path base = parent;
        if (base == null) {
            Path shm = Paths.get("/dev/shm");
            base = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
        }
        String unique = name + '-' + ProcessHandle.current().pid() + '-'
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        return base.resolve(unique).toString();
    }

    public String directory() {
        return directory;
    }

    /** Stops the driver and deletes its directory, whatever the driver left in it. */
    @Override
    public void close() {
        try {
            driver.close();
        } finally {
            IoUtil.delete(new File(directory), true);
        }
    }
}
