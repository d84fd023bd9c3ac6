package io.trailcheck.engine.parse;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The linear reader gives SnakeYAML exactly the events, values and positions its own reader does. */
class LinearStreamReaderTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    @Test
    void sameEventsAndMarksAsSnakeYamlOnEveryYamlFileInTheRepository() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(REPO.resolve("examples")); Stream<Path> r = Files.walk(REPO.resolve("rules/src/test/resources"))) {
            files = Stream.concat(s, r).filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).toList();
        }
        assertTrue(files.size() > 20, "enough real files: " + files.size());
        for (Path f : files) {
            String text = Files.readString(f);
            assertEquals(events(new StreamReader(new StringReader(text))), events(new LinearStreamReader(new StringReader(text))), f.toString());
        }
    }

    @Test
    void longLinesCommentsAndSurrogatesAcrossBufferBoundaries() {
        String text = "a: " + "x".repeat(20_000) + "\n# " + "c".repeat(50_000) + "\nb: \"" + "😀".repeat(9_000) + "\"\r\nc: |\n  one\n  two\n";
        assertEquals(events(new StreamReader(new StringReader(text))), events(new LinearStreamReader(new StringReader(text))));
    }

    @Test
    void aNonPrintableCharacterIsReportedAtItsIndex() {
        String text = "a: b\n" + "c".repeat(10_000) + "\u0000";
        ReaderException e = assertThrows(ReaderException.class, () -> events(new LinearStreamReader(new StringReader(text))));
        assertEquals(0, e.getCodePoint());
        assertEquals(text.length() - 1, e.getPosition());
    }

    private static List<String> events(StreamReader reader) {
        ParserImpl parser = new ParserImpl(reader, new LoaderOptions());
        List<String> out = new ArrayList<>();
        while (parser.peekEvent() != null) {
            Event e = parser.getEvent();
            out.add(e + "@" + e.getStartMark().getLine() + ":" + e.getStartMark().getColumn() + "-" + e.getEndMark().getIndex());
            if (e.is(Event.ID.StreamEnd)) break;
        }
        return out;
    }
}
