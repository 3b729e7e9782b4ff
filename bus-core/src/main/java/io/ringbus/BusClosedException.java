package io.ringbus;

/** A claim or publish on a bus that is closing, closed or halted. Nothing was claimed or published. */
public final class BusClosedException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public BusClosedException(String message) {
        super(message);
    }
}
