package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GraphCollectionTest {
    @TempDir Path dir;

    /** Collects each record's "id" and start line. */
    private List<String> ids(Path file, Problems problems) {
        List<String> out = new ArrayList<>();
        new GraphCollection(new JsonFiles(ParseLimits.DEFAULT)).read(file, new RecordReader<String[]>() {
            public String[] start(SourceLocation at) { return new String[]{null, Integer.toString(at.line())}; }
            public void field(String[] r, String name, JsonParser p) throws IOException {
                if (name.equals("id")) r[0] = p.getText(); else p.skipChildren();
            }
            public void end(String[] r) { out.add(r[0] + "@" + r[1]); }
        }, problems);
        return out;
    }

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsOneResponsePageSkippingAnnotations() throws IOException {
        Path f = write("users.json", """
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#users",
                 "value":[
                  {"id":"a","displayName":null},
                  {"id":"b","extra":{"nested":[1,2]}}
                 ],
                 "@odata.nextLink":"https://graph.microsoft.com/v1.0/users?$skiptoken=x"}
                """);
        Problems problems = new Problems();
        assertEquals(List.of("a@3", "b@4"), ids(f, problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void readsAnArrayOfPagesAndAPlainArray() throws IOException {
        Problems problems = new Problems();
        assertEquals(List.of("a@1", "b@2"), ids(write("pages.json", "[{\"value\":[{\"id\":\"a\"}]},\n{\"value\":[{\"id\":\"b\"}]}]"), problems));
        assertEquals(List.of("c@2", "d@3"), ids(write("plain.json", "[\n{\"id\":\"c\"},\n{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"d\"}]"), problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void acceptsAByteOrderMark() throws IOException {
        Path f = dir.resolve("bom.json");
        byte[] body = "{\"value\":[{\"id\":\"x\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);
        Problems problems = new Problems();
        assertEquals(List.of("x@1"), ids(f, problems));
        assertTrue(problems.isEmpty());
    }

    @Test
    void truncatedJsonIsLocated() throws IOException {
        Path f = write("users.json", "{\"value\":[\n{\"id\":\"a\"},\n{\"id\":");
        Problems problems = new Problems();
        ids(f, problems);
        Problem p = problems.list().get(0);
        assertEquals(3, p.line());
        assertTrue(p.render().startsWith(f + ":3:"), p.render());
        assertTrue(p.message().startsWith("malformed JSON"), p.message());
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        Path f = dir.resolve("users.json");
        Files.write(f, new byte[]{'{', '"', 'v', 'a', 'l', 'u', 'e', '"', ':', '[', '\n', '{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', ']', '}'});
        Problems problems = new Problems();
        ids(f, problems);
        assertEquals(2, problems.list().get(0).line(), problems.list().toString());
    }

    @Test
    void aScalarAtTheTopIsRejected() throws IOException {
        Problems problems = new Problems();
        ids(write("users.json", "42"), problems);
        assertTrue(problems.list().get(0).message().contains("expected a JSON object or array"));
    }
}
