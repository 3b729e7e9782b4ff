package io.ringbus.aeron;

/**
 * An event was not sent because no subscriber was connected, or the publication was closed. Thrown by a
 * sender into its stage's exception policy; nothing of the event was sent.
 */
public final class NotConnectedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public NotConnectedException(String message) {
        super(message);
    }
}
