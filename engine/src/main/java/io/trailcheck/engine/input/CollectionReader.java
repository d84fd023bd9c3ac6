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
        collection.read(file, records(file, intake, () -> count[0]++), intake.problems);
        return count[0];
    }

    /** A reader that adds each complete record to the intake and then calls {@code counted}. */
    abstract RecordReader<?> records(Path file, Intake intake, Runnable counted);
}
