package io.ringbus.aeron;

import org.agrona.concurrent.BackoffIdleStrategy;
import org.agrona.concurrent.IdleStrategy;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Options of an {@link AeronSender}. Immutable; each setter returns a copy.
 *
 * <pre>{@code
 * SenderConfig.defaults().disconnectPolicy(DisconnectPolicy.fail()).idleStrategy(BusySpinIdleStrategy::new)
 * }</pre>
 */
public final class SenderConfig {
    private static final SenderConfig DEFAULTS = new SenderConfig(DisconnectPolicy.defaultPolicy(),
            SenderConfig::backoff);

    private final DisconnectPolicy disconnectPolicy;
    private final Supplier<? extends IdleStrategy> idleStrategy;

    private SenderConfig(DisconnectPolicy disconnectPolicy, Supplier<? extends IdleStrategy> idleStrategy) {
        this.disconnectPolicy = disconnectPolicy;
        this.idleStrategy = idleStrategy;
    }

    /** Wait up to 5 s for a subscriber, then fail; back off (spin, yield, then park up to 1 ms) on retries. */
    public static SenderConfig defaults() {
        return DEFAULTS;
    }

    /** What happens to an event while no subscriber is connected; see {@link DisconnectPolicy}. */
    public SenderConfig disconnectPolicy(DisconnectPolicy policy) {
        return new SenderConfig(Objects.requireNonNull(policy, "disconnectPolicy"), idleStrategy);
    }

    /** How the sending stage waits between retries of a back-pressured or not-connected send; one per sender. */
    public SenderConfig idleStrategy(Supplier<? extends IdleStrategy> strategy) {
        return new SenderConfig(disconnectPolicy, Objects.requireNonNull(strategy, "idleStrategy"));
    }

    DisconnectPolicy disconnectPolicy() {
        return disconnectPolicy;
    }

    IdleStrategy newIdleStrategy() {
        return Objects.requireNonNull(idleStrategy.get(), "idleStrategy returned null");
    }

    static IdleStrategy backoff() {
        return new BackoffIdleStrategy(100, 10, 1_000, 1_000_000);
    }
}
