package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;

import java.nio.file.Path;
import java.util.function.Function;

/** Reads the records of a JSON observation export in any collection shape, within the parse limits. */
final class ObservationFiles {
    private final JsonFiles json;
    private final GraphCollection collection;

    ObservationFiles(ParseLimits limits) {
        this.json = new JsonFiles(limits);
        this.collection = new GraphCollection(json);
    }

    /** Feeds every record of {@code file} to the reader made for it; a file with too many problems stops. */
    void read(Path file, Problems problems, Function<ReadContext, RecordReader<?>> readerFor) {
        ReadContext context = new ReadContext(file, json, problems);
        try {
            collection.read(file, readerFor.apply(context), problems);
        } catch (ReadContext.TooManyProblems e) {
            context.stopped();
        }
    }
}
