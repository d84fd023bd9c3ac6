package io.trailcheck.engine.input;

import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.RecordReader;

import java.nio.file.Path;

/**
 * A reader of one kind of Graph collection record. The records can come from an export file or from an
 * array inside a native snapshot; both go through the same {@link #records} reader.
 */
abstract class CollectionReader implements InputReader {
    private final GraphCollection collection;

    CollectionReader(GraphCollection collection) {
        this.collection = collection;
    }

    @Override
    public final int read(Path file, Intake intake) {
        int[] count = {0};
        RecordReader<?> reader = records(file, intake, () -> count[0]++);
        if (emptyMeansNone() && isBlank(file)) return 0;
        collection.read(file, reader, intake.problems);
        return count[0];
    }

    /** Whether an empty file is a valid export of no records (PowerShell's ConvertTo-Json of nothing). */
    boolean emptyMeansNone() {
        return false;
    }

    private static boolean isBlank(Path file) {
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

    /** A reader that adds each complete record to the intake and then calls {@code counted}. */
    abstract RecordReader<?> records(Path file, Intake intake, Runnable counted);
}
