package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams the records of a Microsoft Graph or Dataverse collection export in any of the shapes people save:
 * one response page ({@code {"value":[…], "@odata.nextLink":…}}), an array of such pages, a plain array of
 * records, or a single record object. {@code @odata.*} annotations are skipped.
 */
public final class GraphCollection {
    private final JsonFiles json;

    public GraphCollection(JsonFiles json) {
        this.json = json;
    }

    /** Reads every record of {@code file} into {@code reader}; problems are added, never thrown. */
    public <R> void read(Path file, RecordReader<R> reader, Problems problems) {
        read(file, reader, problems, RecordBoundary.NONE);
    }

    /** Reads the records of {@code file} up to where {@code boundary} stops it. */
    <R> void read(Path file, RecordReader<R> reader, Problems problems, RecordBoundary boundary) {
        JsonParser p;
        try {
            p = json.open(file);
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
            return;
        }
        read(file, p, reader, problems, boundary);
    }

    /** Reads the records {@code p} streams (bytes of {@code file}), then closes it. */
    <R> void read(Path file, JsonParser p, RecordReader<R> reader, Problems problems, RecordBoundary boundary) {
        try (p) {
            readDocument(file, p, reader, problems, boundary);
        } catch (Stopped stopped) {
            // the boundary ended this reading: what follows belongs to another part
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
    }

    /** A parser over a stream of a collection's bytes, refusing duplicate fields like {@link JsonFiles#open(Path)}. */
    JsonParser open(java.io.InputStream in) throws IOException {
        return new DuplicateFieldCheck(json.open(in));
    }

    /** Thrown where a boundary stops reading; carries nothing, so it costs no stack trace. */
    private static final class Stopped extends RuntimeException {
        static final Stopped INSTANCE = new Stopped();

        private Stopped() {
            super(null, null, false, false);
        }
    }

    private static void check(RecordBoundary boundary, JsonParser p) {
        if (boundary.stopsBefore(p)) throw Stopped.INSTANCE;
    }

    private <R> void readDocument(Path file, JsonParser p, RecordReader<R> reader, Problems problems,
                                  RecordBoundary boundary) throws IOException {
        try {
            JsonToken first = p.nextToken();
            if (first == null) {
                problems.add(Problem.inFile(file, "the file is empty; expected a JSON object or array"));
                return;
            }
            if (first == JsonToken.START_ARRAY) {
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    if (p.currentToken() == JsonToken.START_OBJECT) {
                        check(boundary, p);
                        readPageOrRecord(file, p, reader, problems, boundary);
                    } else {
                        problems.add(JsonFiles.problem(file, p, "expected an object, found " + JsonValues.describe(p)));
                        p.skipChildren();
                    }
                }
            } else if (first == JsonToken.START_OBJECT) {
                readPageOrRecord(file, p, reader, problems, boundary);
            } else {
                problems.add(JsonFiles.problem(file, p, "expected a JSON object or array, found " + JsonValues.describe(p)));
                return;
            }
            if (p.nextToken() != null) {
                problems.add(JsonFiles.problem(file, p, "unexpected content after the end of the JSON document"));
            }
        } catch (JsonProcessingException e) {
            problems.add(JsonFiles.problem(file, e, p));
        }
    }

    /** The parser is on START_OBJECT: either a page holding {@code value}, or a record itself. */
    private <R> void readPageOrRecord(Path file, JsonParser p, RecordReader<R> reader, Problems problems,
                                      RecordBoundary boundary) throws IOException {
        SourceLocation start = JsonFiles.here(file, p);
        R record = null;
        ObjectKeys keys = new ObjectKeys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(file, p, name, problems);
            JsonToken value = p.nextToken();
            if (name.equals("value") && record == null) {
                if (value == JsonToken.START_ARRAY) {
                    readRecords(file, p, reader, problems, boundary);
                } else {
                    problems.add(JsonFiles.problem(file, p, "\"value\": expected an array of records, found " + JsonValues.describe(p)));
                    p.skipChildren();
                }
            } else if (isPageAnnotation(name)) {
                p.skipChildren();
            } else {
                if (record == null) record = reader.start(start);
                reader.field(record, name, p);
            }
        }
        if (record != null) reader.end(record);
    }

    /** Annotations of a response page (context, next link, count), as opposed to a record's own. */
    private static boolean isPageAnnotation(String name) {
        return name.startsWith("@") && !name.equals("@odata.type") && !name.equals("@odata.id");
    }

    /** Reads the records of an array the parser is on (START_ARRAY), such as {@code users:} in a native snapshot. */
    public <R> void readRecords(Path file, JsonParser p, RecordReader<R> reader, Problems problems)
            throws IOException {
        readRecords(file, p, reader, problems, RecordBoundary.NONE);
    }

    private <R> void readRecords(Path file, JsonParser p, RecordReader<R> reader, Problems problems,
                                 RecordBoundary boundary) throws IOException {
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                problems.add(JsonFiles.problem(file, p, "expected a record object in \"value\", found " + JsonValues.describe(p)));
                p.skipChildren();
                continue;
            }
            check(boundary, p);
            R record = reader.start(JsonFiles.here(file, p));
            ObjectKeys keys = new ObjectKeys();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                keys.add(file, p, name, problems);
                p.nextToken();
                reader.field(record, name, p);
            }
            reader.end(record);
        }
    }
}
