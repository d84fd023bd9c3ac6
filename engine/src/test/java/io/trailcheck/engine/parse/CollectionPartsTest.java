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
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Reading a collection in parts gives exactly what reading it in one gives, records, their locations and
 * problems alike, in every shape an export takes, and when a cut guesses wrong.
 */
class CollectionPartsTest {
    @TempDir Path dir;

    private final GraphCollection collection = new GraphCollection(new JsonFiles(ParseLimits.DEFAULT));

    /** Each record as "id@line:column", in the order read; with how many parts the reading joined. */
    private record Outcome(List<String> records, List<Problem> problems, int parts) {}

    private Outcome read(Path file, int cores, long minPartBytes) {
        Problems problems = new Problems();
        int[] joined = {1};
        List<String> records = new CollectionParts(collection, cores, minPartBytes).read(file, problems,
                partProblems -> {
                    List<Rec> list = new ArrayList<>();
                    return new CollectionParts.Part<>(list, reader(list));
                },
                (into, later, shift) -> {
                    joined[0]++;
                    for (Rec r : later) into.add(new Rec(r.id, shift.line(r.line), shift.column(r.line, r.column)));
                    return true;
                }).stream().map(Rec::toString).toList();
        return new Outcome(records, problems.list(), joined[0]);
    }

    private static final class Rec {
        String id;
        final int line, column;

        Rec(String id, int line, int column) {
            this.id = id;
            this.line = line;
            this.column = column;
        }

        @Override
        public String toString() {
            return id + "@" + line + ":" + column;
        }
    }

    private static RecordReader<Rec> reader(List<Rec> into) {
        return new RecordReader<>() {
            public Rec start(SourceLocation at) {
                return new Rec(null, at.line(), at.column());
            }

            public void field(Rec r, String name, JsonParser p) throws IOException {
                if (name.equals("id")) r.id = p.getText();
                else p.skipChildren();
            }

            public void end(Rec r) {
                into.add(r);
            }
        };
    }

    private Path write(String text) throws IOException {
        Path f = Files.createTempFile(dir, "users", ".json");
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    /** Records with nested arrays of objects; with decoys, some nested objects open like a record. */
    private static String records(int count, Random random, String separator) {
        return records(count, random, separator, false);
    }

    private static String records(int count, Random random, String separator, boolean decoys) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) out.append(",").append(separator);
            out.append("{\"id\":\"u").append(i).append("\",").append(separator)
                    .append("\"plans\":[{\"plan\":\"p\"},").append(separator).append("{\"plan\":\"q\"}]");
            if (random.nextInt(5) == 0) out.append(",\"note\":\"}, {\\\"id\\\": x }, {\\\"id\\\"\"");
            if (decoys && random.nextInt(7) == 0) out.append(",\"decoy\":[{\"a\":1}, {\"id\":\"not a record\"}]");
            out.append("}");
        }
        return out.toString();
    }

    private void assertSameAsWhole(Path file, int cores, long minPartBytes, boolean expectSplit) {
        Outcome whole = read(file, 1, Long.MAX_VALUE);
        Outcome parts = read(file, cores, minPartBytes);
        assertEquals(whole.records(), parts.records());
        assertEquals(whole.problems(), parts.problems());
        if (expectSplit) assertTrue(parts.parts() > 1, "the file was read in parts");
    }

    @Test
    void aSinglePagePrettyOrMinifiedReadsInPartsAsInOne() throws IOException {
        for (String separator : List.of("\n  ", "")) {
            Path f = write("{\"@odata.context\":\"x\",\n\"value\":[" + records(3000, new Random(1), separator) + "],\n\"@odata.nextLink\":\"y\"}");
            assertSameAsWhole(f, 4, Files.size(f) / 4, true);
        }
    }

    @Test
    void anArrayOfPagesIsCutBetweenPages() throws IOException {
        StringBuilder pages = new StringBuilder("[");
        Random random = new Random(2);
        for (int p = 0; p < 40; p++) {
            if (p > 0) pages.append(",\n");
            pages.append("{\"@odata.context\":\"x\",\"value\":[").append(records(100, random, "\n")).append("],\"@odata.nextLink\":\"n\"}");
        }
        Path f = write(pages.append("]").toString());
        assertSameAsWhole(f, 3, Files.size(f) / 3, true);
    }

    @Test
    void aPlainArrayWithAByteOrderMarkReadsInParts() throws IOException {
        Path f = write("\uFEFF[\n" + records(2000, new Random(3), "\n") + "\n]");
        assertSameAsWhole(f, 2, Files.size(f) / 2, true);
    }

    @Test
    void problemsInALaterPartAreReportedAsReadingInOneReportsThem() throws IOException {
        String good = records(2000, new Random(4), "\n");
        int cut = good.indexOf("},", good.length() * 3 / 4) + 1;
        Path malformed = write("{\"value\":[" + good.substring(0, cut) + ",," + good.substring(cut) + "]}");
        assertSameAsWhole(malformed, 2, Files.size(malformed) / 2, false);
        Path trailing = write("{\"value\":[" + good + "]} trailing");
        assertSameAsWhole(trailing, 2, Files.size(trailing) / 2, false);
        Path duplicateKey = write("{\"value\":[" + good + "], \"value\": []}");
        assertSameAsWhole(duplicateKey, 2, Files.size(duplicateKey) / 2, false);
        Outcome whole = read(malformed, 1, Long.MAX_VALUE);
        assertTrue(!whole.problems().isEmpty() && whole.problems().get(0).line() > 1000, whole.problems().toString());
    }

    @Test
    void aWrongGuessFallsBackToReadingOnInOnePart() throws IOException {
        // the middle of the file is a nested array whose objects open like records: the cut lands inside it
        StringBuilder nested = new StringBuilder();
        for (int i = 0; i < 5000; i++) nested.append(i == 0 ? "" : ", ").append("{\"id\":\"nested").append(i).append("\"}");
        Path f = write("{\"value\":[{\"id\":\"a\"}, {\"id\":\"b\",\"sub\":[" + nested + "]}, {\"id\":\"c\"}]}");
        Outcome parts = read(f, 2, Files.size(f) / 2);
        assertEquals(1, parts.parts());
        String text = Files.readString(f);
        assertEquals(List.of("a@1:11", "b@1:23", "c@1:" + (text.indexOf("{\"id\":\"c\"") + 1)), parts.records());
    }

    @Test
    void randomExportsReadInAnyNumberOfPartsAsInOne() throws IOException {
        Random random = new Random(5);
        for (int trial = 0; trial < 30; trial++) {
            String separator = List.of("", "\n", "\r\n    ", " ").get(random.nextInt(4));
            String body = records(50 + random.nextInt(1500), random, separator, random.nextBoolean());
            String text = switch (random.nextInt(3)) {
                case 0 -> "{\"value\":[" + body + "]}";
                case 1 -> "[" + separator + body + separator + "]";
                default -> "[{\"value\":[" + body + "]}]";
            };
            Path f = write(text);
            assertSameAsWhole(f, 2 + random.nextInt(4), 1 + Files.size(f) / (2 + random.nextInt(6)), false);
        }
    }
}
