package io.trailcheck.engine.parse;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * Finds the line and column of a position the YAML parser names only by index (or not at all), by reading
 * the text up to it. Used only on the error path.
 */
final class TextPositions {
    private TextPositions() {}

    /** The 1-based line and column of the code point at {@code index}; null when the file is shorter. */
    static int[] ofCodePoint(Path file, long index) {
        long[] seen = {0};
        return scan(file, c -> seen[0]++ == index);
    }

    /** The position where nested flow collections ({@code [} or {@code {}) first go deeper than {@code limit}. */
    static int[] ofFlowDepth(Path file, int limit) {
        int[] depth = {0};
        return scan(file, c -> {
            if (c == '[' || c == '{') return ++depth[0] > limit;
            if (c == ']' || c == '}') depth[0]--;
            return false;
        });
    }

    private static int[] scan(Path file, IntPredicate stop) {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int line = 1, column = 1, c;
            while ((c = r.read()) >= 0) {
                if (c == '\uFEFF' && line == 1 && column == 1) continue;
                if (stop.test(c)) return new int[]{line, column};
                if (c == '\n') {
                    line++;
                    column = 1;
                } else {
                    column++;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }
}
