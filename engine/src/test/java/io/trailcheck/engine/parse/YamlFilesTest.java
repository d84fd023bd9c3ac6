package io.trailcheck.engine.parse;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class YamlFilesTest {
    @TempDir Path dir;

    private Problem firstProblem(String yaml) throws IOException {
        Path f = dir.resolve("settings.mcs.yml");
        Files.writeString(f, yaml);
        Problems problems = new Problems();
        new YamlFiles(ParseLimits.DEFAULT).parse(f, problems);
        assertTrue(!problems.isEmpty(), "expected a problem");
        return problems.list().get(0);
    }

    @Test
    void duplicateKeysAreRejectedWithTheirLine() throws IOException {
        Problem p = firstProblem("schemaName: a\nauthenticationMode: None\nauthenticationMode: Integrated\n");
        assertEquals(3, p.line());
        assertTrue(p.message().contains("duplicate key"), p.message());
    }

    @Test
    void aliasBombIsStopped() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [x,x,x,x,x,x,x,x,x,x]\n");
        for (int i = 1; i < 12; i++) {
            y.append((char) ('a' + i)).append(": &").append((char) ('a' + i)).append(" [");
            for (int j = 0; j < 10; j++) y.append(j == 0 ? "" : ",").append('*').append((char) ('a' + i - 1));
            y.append("]\n");
        }
        Problem p = firstProblem(y.toString());
        assertTrue(p.message().toLowerCase().contains("alias"), p.message());
    }

    @Test
    void malformedYamlIsLocated() throws IOException {
        Problem p = firstProblem("schemaName: a\nconfiguration:\n  channels: [MsTeams\n");
        assertTrue(p.line() >= 3, p.render());
        assertTrue(p.message().startsWith("malformed YAML"), p.message());
    }

    @Test
    void javaTagsAreRefused() throws IOException {
        Problem p = firstProblem("schemaName: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1/\"]]]]\n");
        assertEquals(1, p.line());
        assertTrue(p.message().contains("tag is not allowed"), p.message());
    }

    @Test
    void invalidUtf8IsLocated() throws IOException {
        Path f = dir.resolve("settings.mcs.yml");
        Files.write(f, new byte[]{'a', ':', ' ', 'b', '\n', 'c', ':', ' ', (byte) 0xFF, '\n'});
        Problems problems = new Problems();
        new YamlFiles(ParseLimits.DEFAULT).parse(f, problems);
        Problem p = problems.list().get(0);
        assertEquals(2, p.line(), p.render());
        assertTrue(p.message().contains("UTF-8"), p.message());
    }
}
