package io.ringbus.aeron;

import io.aeron.Aeron;
import io.aeron.CommonContext;
import io.aeron.driver.MediaDriver;
import org.agrona.ErrorHandler;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Configures an {@link AeronBridge}. By default the bridge launches its own embedded media driver in a new,
 * unique directory that it deletes on close; {@link #externalDriver(String)} connects to a running driver
 * instead.
 */
public final class AeronBridgeBuilder {
    /** Term length of the embedded driver's publications: small, since each one maps three terms. */
    public static final int DEFAULT_TERM_LENGTH = 4 << 20;

    String externalDirectory;
    Path embeddedParent;
    Consumer<MediaDriver.Context> driverCustomizer = c -> { };
    Consumer<Aeron.Context> clientCustomizer = c -> { };
    ErrorHandler errorHandler;
    Duration driverTimeout = Duration.ofSeconds(10);
    String name = "ringbus-aeron";

    AeronBridgeBuilder() {
    }

    /**
     * Uses the running media driver in Aeron's configured directory: the {@code aeron.dir} system property,
     * else Aeron's default for this user.
     */
    public AeronBridgeBuilder externalDriver() {
        return externalDriver(CommonContext.getAeronDirectoryName());
    }

    /**
     * Uses the running media driver whose directory is {@code aeronDirectory} (its {@code aeron.dir}); the
     * bridge neither starts nor deletes it.
     */
    public AeronBridgeBuilder externalDriver(String aeronDirectory) {
        Objects.requireNonNull(aeronDirectory, "aeronDirectory");
        if (aeronDirectory.isBlank()) {
            throw new IllegalArgumentException("aeronDirectory must not be blank");
        }
        this.externalDirectory = aeronDirectory;
        return this;
    }

    /**
     * Where the embedded driver's directory is created: a new, unique directory under {@code parent}. The
     * default is {@code /dev/shm} where it exists (shared memory), else {@code java.io.tmpdir}.
     */
    public AeronBridgeBuilder embeddedDriverParent(Path parent) {
        this.embeddedParent = Objects.requireNonNull(parent, "embeddedDriverParent");
        return this;
    }

    /**
     * Adjusts the embedded driver's context after the bridge's defaults (shared threading, backoff idling,
     * 4 MiB terms) and before launch, for timeouts, term lengths or idle strategies. The directory is the
     * bridge's own and must not be changed.
     */
    public AeronBridgeBuilder driverContext(Consumer<MediaDriver.Context> customizer) {
        this.driverCustomizer = Objects.requireNonNull(customizer, "driverContext");
        return this;
    }

    /** Adjusts the Aeron client's context before it connects. */
    public AeronBridgeBuilder clientContext(Consumer<Aeron.Context> customizer) {
        this.clientCustomizer = Objects.requireNonNull(customizer, "clientContext");
        return this;
    }

    /**
     * Receives the errors of the Aeron client, the embedded driver and the receivers' agents (a driver
     * timeout, an unavailable channel). The default logs them. Either way {@link AeronBridge#errors()} counts them.
     */
    public AeronBridgeBuilder errorHandler(ErrorHandler handler) {
        this.errorHandler = Objects.requireNonNull(handler, "errorHandler");
        return this;
    }

    /** How long the client waits for a driver heartbeat before it gives up on the driver; in [100 ms, 1 h]. */
    public AeronBridgeBuilder driverTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "driverTimeout");
        if (timeout.compareTo(Duration.ofMillis(100)) < 0 || timeout.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("driverTimeout must be in [100 ms, 1 h]: " + timeout);
        }
        this.driverTimeout = timeout;
        return this;
    }

    /** Prefix of the receivers' thread names and of the embedded driver's directory. */
    public AeronBridgeBuilder name(String bridgeName) {
        Objects.requireNonNull(bridgeName, "name");
        if (!bridgeName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("name must be letters, digits, '.', '_' or '-': '" + bridgeName + "'");
        }
        this.name = bridgeName;
        return this;
    }

    /** Launches the embedded driver if configured, and connects the client. */
    public AeronBridge build() {
        return AeronBridge.open(this);
    }
}
