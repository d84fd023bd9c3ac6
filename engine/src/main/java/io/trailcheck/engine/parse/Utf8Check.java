package io.trailcheck.engine.parse;

import io.trailcheck.engine.problem.Problem;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the line and column of the first byte sequence that is not UTF-8, for a message a person can act on. */
final class Utf8Check {
    private Utf8Check() {}

    static Optional<Problem> firstInvalid(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int line = 1, column = 1, b;
            while ((b = in.read()) >= 0) {
                int continuation = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2
                        : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (continuation < 0) return Optional.of(invalid(file, line, column, b));
                for (int i = 0; i < continuation; i++) {
                    int c = in.read();
                    if (c < 0x80 || c > 0xBF) return Optional.of(invalid(file, line, column, b));
                }
                if (b == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static Problem invalid(Path file, int line, int column, int b) {
        return new Problem(file, line, column,
                String.format("invalid UTF-8 byte 0x%02X: save the file as UTF-8", b));
    }
}
