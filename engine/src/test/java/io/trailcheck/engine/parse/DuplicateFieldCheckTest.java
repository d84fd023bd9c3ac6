package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DuplicateFieldCheckTest {
    private final JsonFiles json = new JsonFiles(ParseLimits.DEFAULT);

    /** Reads every token of {@code text}, skipping the value of any field named "skip". */
    private long readAll(String text) throws IOException {
        long tokens = 0;
        try (JsonParser p = json.openEmbedded(text)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens++;
                if (t == JsonToken.FIELD_NAME && p.currentName().equals("skip")) {
                    p.nextToken();
                    p.skipChildren();
                }
            }
        }
        return tokens;
    }

    @Test
    void aFieldMetTwiceInOneObjectIsRefusedWhereItIsMetAgain() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> readAll("{\"value\": [\n  {\"id\": \"a\", \"mail\": null,\n   \"id\": \"b\"}]}"));
        assertEquals("Duplicate field 'id'", e.getOriginalMessage());
        assertEquals(3, e.getLocation().getLineNr());
        assertEquals(4, e.getLocation().getColumnNr());
    }

    @Test
    void theSameNameInSiblingAndNestedObjectsIsFine() {
        assertDoesNotThrow(() -> readAll("""
                {"id": "t", "value": [{"id": "a", "plans": [{"id": "p"}, {"id": "q"}]}, {"id": "b"}],
                 "next": {"id": "n", "value": {"id": "m"}}}
                """));
    }

    @Test
    void namesAfterANestedObjectStillBelongToTheOuterOne() {
        assertThrows(JsonParseException.class, () -> readAll("{\"a\": 1, \"inner\": {\"b\": 2, \"c\": 3, \"d\": 4}, \"a\": 5}"));
    }

    @Test
    void skippedValuesAreCheckedToo() {
        JsonParseException e = assertThrows(JsonParseException.class,
                () -> readAll("{\"id\": \"a\", \"skip\": [{\"x\": 1, \"deep\": {\"y\": 2, \"y\": 3}}], \"z\": 0}"));
        assertEquals("Duplicate field 'y'", e.getOriginalMessage());
    }

    @Test
    void objectsWithManyFieldsAreCheckedBeyondTheScannedFew() throws IOException {
        StringBuilder many = new StringBuilder("{");
        for (int i = 0; i < 100; i++) many.append("\"f").append(i).append("\": ").append(i).append(", ");
        String distinct = many + "\"last\": 0}";
        assertEquals(1 + 2 * 101 + 1, readAll(distinct));
        JsonParseException e = assertThrows(JsonParseException.class, () -> readAll(many + "\"f3\": 0}"));
        assertEquals("Duplicate field 'f3'", e.getOriginalMessage());
        JsonParseException early = assertThrows(JsonParseException.class, () -> readAll("{\"f0\": 0, \"f1\": 1, \"f2\": 2, \"f0\": 3}"));
        assertEquals("Duplicate field 'f0'", early.getOriginalMessage());
    }
}
