package io.trailcheck.collect;

/** A collection that cannot go on: the message says what failed and what to do; it never carries a secret. */
public final class CollectException extends RuntimeException {
    public CollectException(String message) {
        super(message);
    }

    public CollectException(String message, Throwable cause) {
        super(message, cause);
    }
}
