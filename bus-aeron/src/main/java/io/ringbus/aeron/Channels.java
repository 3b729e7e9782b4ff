package io.ringbus.aeron;

import io.aeron.ChannelUri;
import io.aeron.CommonContext;

import java.util.Objects;

/**
 * Channel URIs for bridges, and their checks. The defaults stay on this host: {@link #ipc()} is shared
 * memory, {@link #udpLoopback(int)} binds 127.0.0.1 only. Nothing binds a non-loopback address unless the
 * channel the user passes names one.
 */
public final class Channels {
    /** Shared memory between processes that use the same media driver. */
    public static final String IPC = CommonContext.IPC_CHANNEL;

    private Channels() {
    }

    public static String ipc() {
        return IPC;
    }

    /** @param port in [1, 65535] */
    public static String udpLoopback(int port) {
        return "aeron:udp?endpoint=127.0.0.1:" + checkPort(port);
    }

    static int checkPort(int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be in [1, 65535]: " + port);
        }
        return port;
    }

    /**
     * Parses and checks a channel: it must be an Aeron URI with the {@code ipc} or {@code udp} media, and a
     * UDP channel must name an {@code endpoint} or a {@code control} address.
     *
     * @return the channel, unchanged
     * @throws IllegalArgumentException naming the parameter and the rule
     */
    public static String check(String channel) {
        Objects.requireNonNull(channel, "channel");
        ChannelUri uri;
        try {
            uri = ChannelUri.parse(channel);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("channel must be an Aeron URI such as " + IPC + " or "
                    + udpLoopback(40_123) + ": '" + channel + "' (" + e.getMessage() + ")", e);
        }
        if (!uri.isIpc() && !uri.isUdp()) {
            throw new IllegalArgumentException("channel media must be ipc or udp: '" + channel + "'");
        }
        if (uri.isUdp() && uri.get(CommonContext.ENDPOINT_PARAM_NAME) == null
                && uri.get(CommonContext.MDC_CONTROL_PARAM_NAME) == null) {
            throw new IllegalArgumentException("channel: a udp channel needs an endpoint, such as "
                    + udpLoopback(40_123) + ": '" + channel + "'");
        }
        return channel;
    }
}
