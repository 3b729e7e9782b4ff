package io.ringbus;

/** A claim under {@link OverflowPolicy#failFast()} found the ring full. Nothing was claimed. */
public final class RingFullException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public RingFullException(String message) {
        super(message);
    }
}
