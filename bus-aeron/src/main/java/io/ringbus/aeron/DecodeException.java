package io.ringbus.aeron;

/**
 * A message that its decoder rejected. Its slot was aborted, so no stage sees it. The cause is what the
 * decoder threw.
 */
public final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long failureNumber;

    DecodeException(String message, Throwable cause, long failureNumber) {
        super(message, cause);
        this.failureNumber = failureNumber;
    }

    /** 1 for the receiver's first decode failure, 2 for the next, and so on. */
    public long failureNumber() {
        return failureNumber;
    }
}
