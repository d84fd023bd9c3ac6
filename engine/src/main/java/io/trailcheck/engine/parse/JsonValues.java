package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.problem.Problems;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed reads of the current JSON value that record a located problem and return null on a wrong type,
 * so one bad field does not stop the scan from finding the next.
 */
public final class JsonValues {
    private final Path file;
    private final Problems problems;

    public JsonValues(Path file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    public String string(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_STRING) return p.getText();
        return wrongType(p, field, "a string");
    }

    /** A string, or a number or boolean given as text (PowerShell and Dataverse mix them). */
    public String scalar(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t.isScalarValue()) return p.getText();
        return wrongType(p, field, "a string or number");
    }

    public Boolean bool(JsonParser p, String field) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) return null;
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return t == JsonToken.VALUE_TRUE;
        if (t == JsonToken.VALUE_STRING) {
            String s = p.getText().trim();
            if (s.equalsIgnoreCase("true")) return true;
            if (s.equalsIgnoreCase("false")) return false;
        }
        return wrongType(p, field, "true or false");
    }

    /** An array of strings; null when the value is null. */
    public List<String> strings(JsonParser p, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return null;
        if (p.currentToken() != JsonToken.START_ARRAY) return wrongType(p, field, "an array of strings");
        List<String> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String s = string(p, field + "[]");
            if (s != null) out.add(s);
        }
        return out;
    }

    /** Calls {@code element} with the parser on each START_OBJECT of an array; returns false when not an array. */
    public boolean objects(JsonParser p, String field, ObjectVisitor element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) return false;
        if (p.currentToken() != JsonToken.START_ARRAY) {
            wrongType(p, field, "an array of objects");
            return false;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_OBJECT) {
                wrongType(p, field + "[]", "an object");
                continue;
            }
            element.visit(p);
        }
        return true;
    }

    /** Visits each field of the object the parser is on, ending on its END_OBJECT. */
    public void fields(JsonParser p, FieldVisitor visitor) throws IOException {
        ObjectKeys keys = new ObjectKeys();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            keys.add(file, p, name, problems);
            p.nextToken();
            visitor.visit(name, p);
        }
    }

    public void report(JsonParser p, String message) {
        problems.add(JsonFiles.problem(file, p, message));
    }

    private <T> T wrongType(JsonParser p, String field, String expected) throws IOException {
        problems.add(JsonFiles.problem(file, p, "\"" + field + "\": expected " + expected + ", found " + describe(p)));
        p.skipChildren();
        return null;
    }

    public static void skip(JsonParser p) throws IOException {
        p.skipChildren();
    }

    static String describe(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) return "the end of the file";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "the string \"" + abbreviate(p.getText()) + "\"";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + p.getText();
            case VALUE_TRUE, VALUE_FALSE -> p.getText();
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }

    private static String abbreviate(String s) {
        return io.trailcheck.engine.text.SafeText.excerpt(s, 40);
    }

    @FunctionalInterface
    public interface ObjectVisitor {
        void visit(JsonParser p) throws IOException;
    }

    @FunctionalInterface
    public interface FieldVisitor {
        void visit(String name, JsonParser p) throws IOException;
    }
}
