package io.ringbus.reliability;

/** An Error a test handler throws on purpose, to check that Errors are routed like exceptions. */
final class InjectedError extends Error {
    private static final long serialVersionUID = 1L;

    InjectedError(String message) {
        super(message);
    }
}
