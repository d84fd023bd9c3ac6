package io.trailcheck.model;

import java.nio.file.Path;

/** Where an entity or field was read: a file and a 1-based line and column (column 0 when unknown). */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file, Math.max(1, line), Math.max(0, column));
    }

    public static SourceLocation startOf(Path file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
