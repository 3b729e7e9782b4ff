package io.ringbus;

/** A claim under {@link OverflowPolicy#blockUpTo} waited its whole timeout. Nothing was claimed. */
public final class ClaimTimeoutException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public ClaimTimeoutException(String message) {
        super(message);
    }
}
