package io.ringbus.aeron;

import org.agrona.ErrorHandler;
import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Options of an {@link AeronReceiver}. Immutable; each setter returns a copy.
 */
public final class ReceiverConfig {
    /** Default most fragments one poll handles. */
    public static final int DEFAULT_FRAGMENT_LIMIT = 256;
    private static final System.Logger LOG = System.getLogger("io.ringbus.aeron");
    private static final ReceiverConfig DEFAULTS = new ReceiverConfig(DEFAULT_FRAGMENT_LIMIT,
            ReceiverConfig::backoff, ReceiverConfig::logDecodeFailure);

    private final int fragmentLimit;
    private final Supplier<? extends IdleStrategy> idleStrategy;
    private final ErrorHandler decodeFailureHandler;

    private ReceiverConfig(int fragmentLimit, Supplier<? extends IdleStrategy> idleStrategy,
                           ErrorHandler decodeFailureHandler) {
        this.fragmentLimit = fragmentLimit;
        this.idleStrategy = idleStrategy;
        this.decodeFailureHandler = decodeFailureHandler;
    }

    /** 256 fragments a poll, back off when idle (spin, yield, then park up to 1 ms), log decode failures. */
    public static ReceiverConfig defaults() {
        return DEFAULTS;
    }

    /** @param limit the most fragments one poll handles; in [1, 65536] */
    public ReceiverConfig fragmentLimit(int limit) {
        if (limit < 1 || limit > 65_536) {
            throw new IllegalArgumentException("fragmentLimit must be in [1, 65536]: " + limit);
        }
        return new ReceiverConfig(limit, idleStrategy, decodeFailureHandler);
    }

    /** How the receiver's own agent thread idles when a poll finds nothing; one per receiver. */
    public ReceiverConfig idleStrategy(Supplier<? extends IdleStrategy> strategy) {
        return new ReceiverConfig(fragmentLimit, Objects.requireNonNull(strategy, "idleStrategy"),
                decodeFailureHandler);
    }

    /**
     * Called on the receiving thread with a {@link DecodeException} for each message that did not decode,
     * after its slot was aborted. The default logs the first ten, then each power of two.
     */
    public ReceiverConfig decodeFailureHandler(ErrorHandler handler) {
        return new ReceiverConfig(fragmentLimit, idleStrategy, Objects.requireNonNull(handler, "decodeFailureHandler"));
    }

    int fragmentLimit() {
        return fragmentLimit;
    }

    IdleStrategy newIdleStrategy() {
        return Objects.requireNonNull(idleStrategy.get(), "idleStrategy returned null");
    }

    ErrorHandler decodeFailureHandler() {
        return decodeFailureHandler;
    }

    private static IdleStrategy backoff() {
        return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    }

    private static void logDecodeFailure(Throwable error) {
        long n = error instanceof DecodeException ? ((DecodeException) error).failureNumber() : 1;
        if (n <= 10 || Long.bitCount(n) == 1) {
            LOG.log(System.Logger.Level.WARNING, error.getMessage(), error.getCause());
        }
    }
}
