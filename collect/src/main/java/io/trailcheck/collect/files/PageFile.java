package io.trailcheck.collect.files;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.collect.CollectException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads back what a saved page holds: its {@code @odata.nextLink} and how many records its {@code value}
 * has, or the string values of one field of every record. Streams; a page file is never loaded whole. Accepts
 * one page or an array of pages (the shape of files that hold every page of a small collection).
 */
public final class PageFile {
    private static final JsonFactory JSON = new JsonFactory();

    private PageFile() {}

    public record Summary(String nextLink, long records) {}

    public static Summary summary(Path file) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            return summary(p);
        } catch (IOException e) {
            throw new CollectException("cannot read the page " + file + ": " + e.getMessage(), e);
        }
    }

    /** The summary of a page held in memory (an inner response of a batch). */
    public static Summary summary(byte[] page) {
        try (JsonParser p = JSON.createParser(page)) {
            return summary(p);
        } catch (IOException e) {
            throw new CollectException("cannot read a batch response page: " + e.getMessage(), e);
        }
    }

    private static Summary summary(JsonParser p) throws IOException {
        String[] next = {null};
        long[] count = {0};
        walk(p, (r) -> count[0]++, (link) -> next[0] = link, null, null);
        return new Summary(next[0], count[0]);
    }

    /** The non-blank string values of {@code field} in every record. */
    public static List<String> values(Path file, String field) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            walk(p, r -> { }, link -> { }, field, out::add);
        } catch (IOException e) {
            throw new CollectException("cannot read the page " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** The string values of {@code field} at any depth (such as {@code properties.linkedEnvironmentMetadata.instanceUrl}). */
    public static List<String> nestedValues(Path file, String field) {
        List<String> out = new ArrayList<>();
        try (JsonParser p = JSON.createParser(file.toFile())) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && p.currentName().equals(field)
                        && p.nextToken() == JsonToken.VALUE_STRING && !p.getText().isBlank()) {
                    out.add(p.getText());
                }
            }
        } catch (IOException e) {
            throw new CollectException("cannot read the page " + file + ": " + e.getMessage(), e);
        }
        return out;
    }

    private static void walk(JsonParser p, Consumer<JsonParser> onRecord, Consumer<String> onNextLink,
                             String field, Consumer<String> onValue) throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.START_ARRAY) {
            while (p.nextToken() == JsonToken.START_OBJECT) page(p, onRecord, onNextLink, field, onValue);
        } else if (first == JsonToken.START_OBJECT) {
            page(p, onRecord, onNextLink, field, onValue);
        }
    }

    private static void page(JsonParser p, Consumer<JsonParser> onRecord, Consumer<String> onNextLink,
                             String field, Consumer<String> onValue) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("@odata.nextLink") && value == JsonToken.VALUE_STRING) {
                onNextLink.accept(p.getText());
            } else if (name.equals("value") && value == JsonToken.START_ARRAY) {
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    onRecord.accept(p);
                    record(p, field, onValue);
                }
            } else {
                p.skipChildren();
            }
        }
    }

    private static void record(JsonParser p, String field, Consumer<String> onValue) throws IOException {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (field != null && value == JsonToken.VALUE_STRING && name.equalsIgnoreCase(field) && !p.getText().isBlank()) {
                onValue.accept(p.getText());
            } else {
                p.skipChildren();
            }
        }
    }
}
