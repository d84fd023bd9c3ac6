package io.trailcheck.engine.problem;

import java.nio.file.Path;

/**
 * The JVM ran out of memory (or stack) while handling one input: an internal limit, not a malformed file,
 * so it is exit 4, but the message names the input that caused it.
 */
public class ExhaustedException extends RuntimeException {
    private final Path input;

    public ExhaustedException(Path input, Error cause) {
        super((cause instanceof OutOfMemoryError ? "out of memory" : "out of stack") + " while reading " + input, null, false, false);
        this.input = input;
    }

    public Path input() {
        return input;
    }
}
