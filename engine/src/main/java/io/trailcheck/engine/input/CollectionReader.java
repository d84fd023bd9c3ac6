package io.trailcheck.engine.input;

import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;

import java.nio.file.Path;

/**
 * Streams one Graph-shaped collection file (a page, an array of pages, or a plain array of records)
 * through a record reader, counting the records it completes.
 */
public final class CollectionReader {
    private final GraphCollection collection;

    public CollectionReader(GraphCollection collection) {
        this.collection = collection;
    }

    /** Reads {@code file}; {@code reader} calls the counter it is given once per complete record. */
    public int read(Path file, Problems problems, java.util.function.Function<Runnable, RecordReader<?>> reader) {
        int[] count = {0};
        collection.read(file, reader.apply(() -> count[0]++), problems);
        return count[0];
    }

    /** Whether a file is empty but for byte-order marks: PowerShell's ConvertTo-Json of nothing. */
    public static boolean isBlank(Path file) {
        try {
            if (java.nio.file.Files.size(file) > 64) return false;
            String text = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
            // UTF-8 and UTF-16 byte-order marks (Windows PowerShell writes UTF-16 with Out-File) and NULs.
            return text.replace("\u00EF\u00BB\u00BF", "").replace("\u00FF\u00FE", "").replace("\u00FE\u00FF", "")
                    .replace("\u0000", "").isBlank();
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public GraphCollection collection() {
        return collection;
    }
}
