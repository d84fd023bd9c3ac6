package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file being read and where its problems go. Values embedded as JSON text (a CSV {@code AuditData} cell,
 * a transcript's {@code content}) are parsed by their own parser, whose positions count from the start of
 * the text: their problems are located at the cell or field in the file and name the position inside.
 * A file with very many problems stops being read, so a wholly wrong file of millions of rows reports a
 * readable number of them.
 */
final class ReadContext {
    static final int MAX_PROBLEMS_PER_FILE = 100;

    final Path file;
    final JsonFiles json;
    private final Problems problems;
    private final int before;
    private SourceLocation embeddedAt;
    private String embeddedField;

    ReadContext(Path file, JsonFiles json, Problems problems) {
        this.file = file;
        this.json = json;
        this.problems = problems;
        this.before = problems.size();
    }

    /** Thrown once a file has had {@link #MAX_PROBLEMS_PER_FILE} problems; the reader stops there. */
    static final class TooManyProblems extends RuntimeException {
        TooManyProblems() {
            super(null, null, false, false);
        }
    }

    void report(SourceLocation at, String message) {
        report(new Problem(at.file(), at.line(), at.column(), message));
    }

    void report(Problem problem) {
        if (problems.size() - before >= MAX_PROBLEMS_PER_FILE) throw new TooManyProblems();
        problems.add(problem);
    }

    /** A problem at the parser's current token. */
    void report(JsonParser p, String message) {
        if (embeddedAt == null) {
            report(JsonFiles.here(file, p), message);
        } else {
            JsonLocation l = p.currentTokenLocation();
            report(embeddedAt, embeddedField + " (at " + l.getLineNr() + ":" + l.getColumnNr() + " inside it): " + message);
        }
    }

    void stopped() {
        problems.add(Problem.inFile(file, "stopped reading after " + MAX_PROBLEMS_PER_FILE + " problems"));
    }

    /** Visits the fields of the JSON object a string holds; false (with a located problem) when it holds none. */
    boolean readEmbedded(String text, SourceLocation at, String field, Fields visitor) throws IOException {
        SourceLocation outerAt = embeddedAt;
        String outerField = embeddedField;
        embeddedAt = outerAt == null ? at : outerAt;
        embeddedField = outerField == null ? field : outerField + "." + field;
        try (JsonParser p = json.openEmbedded(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                report(p, "expected a JSON object");
                return false;
            }
            visitor.fields(p);
            return true;
        } catch (JsonProcessingException e) {
            JsonLocation l = e.getLocation();
            String where = l == null ? "" : " (at " + l.getLineNr() + ":" + l.getColumnNr() + " inside it)";
            report(embeddedAt, embeddedField + where + ": malformed JSON: " + JsonFiles.problem(file, e).message()
                    .replaceFirst("^malformed JSON: ", ""));
            return false;
        } finally {
            embeddedAt = outerAt;
            embeddedField = outerField;
        }
    }

    /** A scalar as text, blank as null; an object or array is reported and skipped. */
    String text(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) {
            String s = p.getText().trim();
            return s.isEmpty() ? null : s;
        }
        report(p, "\"" + field + "\": expected a string, found " + (t == JsonToken.START_ARRAY ? "an array" : "an object"));
        p.skipChildren();
        return null;
    }

    /**
     * Visits an object given either as an object or as JSON text ({@code az} and Log Analytics write
     * dynamic columns as text; Graph writes {@code auditData} as an object). False, with a located problem,
     * when it is neither or its text is not a JSON object.
     */
    boolean objectOrText(JsonParser p, String field, Fields visitor) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return true;
        if (t == JsonToken.START_OBJECT) {
            visitor.fields(p);
            return true;
        }
        if (t == JsonToken.VALUE_STRING) {
            String text = p.getText();
            return text.isBlank() || readEmbedded(text, here(p), field, visitor);
        }
        report(p, "\"" + field + "\": expected an object or JSON text");
        p.skipChildren();
        return false;
    }

    SourceLocation here(JsonParser p) {
        return embeddedAt != null ? embeddedAt : JsonFiles.here(file, p);
    }

    /** Reads the fields of the object the parser is on, up to its END_OBJECT. */
    @FunctionalInterface
    interface Fields {
        void fields(JsonParser p) throws IOException;
    }

    /** Calls {@code field} for each field of the object the parser is on, with the name in lower case. */
    static void eachField(JsonParser p, Field field) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = io.trailcheck.engine.parse.FieldNames.lower(p.currentName());
            p.nextToken();
            field.field(name, p);
        }
    }

    @FunctionalInterface
    interface Field {
        void field(String lowerName, JsonParser p) throws IOException;
    }
}
