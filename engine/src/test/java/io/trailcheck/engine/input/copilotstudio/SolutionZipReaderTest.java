package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;

import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Solution zips read in place, and the limits that refuse a hostile one whole. */
class SolutionZipReaderTest {
    private static final String SOLUTION = "\uFEFF<ImportExportXml version=\"9.2.25103.144\" SolutionPackageVersion=\"9.2\">\n"
            + "  <SolutionManifest>\n    <UniqueName>Expenses</UniqueName>\n    <Managed>0</Managed>\n  </SolutionManifest>\n"
            + "</ImportExportXml>";
    private static final String BOT = "\uFEFF<bot schemaname=\"cr6b1_expenses\">\n  <authenticationmode>2</authenticationmode>\n"
            + "  <authenticationtrigger>1</authenticationtrigger>\n  <name>Expenses</name>\n</bot>";
    private static final String CONFIGURATION = "{\n  \"$kind\": \"BotConfiguration\",\n  \"channels\": [\n"
            + "    {\n      \"$kind\": \"ChannelDefinition\",\n      \"channelId\": \"MsTeams\"\n    }\n  ]\n}";

    @TempDir Path dir;
    private final Read intake = new Read();

    /** What the reader gave, as a scan collects it. */
    private static final class Read {
        final Problems problems = new Problems();
        final List<AgentDraft> agents = new java.util.ArrayList<>();
        final List<InputFile> files = new java.util.ArrayList<>();
    }

    private static final int NOT_A_SOLUTION = -1;

    /** The agents read, or NOT_A_SOLUTION. */
    private int read(SolutionZipReader reader, Path zip) {
        var section = reader.read(zip, intake.problems);
        if (section.isEmpty()) return NOT_A_SOLUTION;
        intake.agents.addAll(section.get().agents());
        intake.files.addAll(section.get().alsoRead());
        return section.get().agents().size();
    }

    private SolutionZipReader reader(SolutionZipReader.Limits limits) {
        return new SolutionZipReader(new SolutionBotReader(new JsonFiles(ParseLimits.DEFAULT)), limits);
    }

    private Path zip(Map<String, byte[]> entries) throws IOException {
        Path zip = dir.resolve("Expenses_1_0_0_1.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return zip;
    }

    private static Map<String, byte[]> solution() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("solution.xml", SOLUTION.getBytes(StandardCharsets.UTF_8));
        m.put("customizations.xml", "<ImportExportXml />".getBytes(StandardCharsets.UTF_8));
        m.put("bots/cr6b1_expenses/bot.xml", BOT.getBytes(StandardCharsets.UTF_8));
        m.put("bots/cr6b1_expenses/configuration.json", CONFIGURATION.getBytes(StandardCharsets.UTF_8));
        return m;
    }

    @Test
    void readsTheBotsInPlaceLocatedInsideTheZip() throws IOException {
        Path zip = zip(solution());
        assertEquals(1, read(reader(SolutionZipReader.Limits.DEFAULT), zip));
        assertTrue(intake.problems.isEmpty(), () -> intake.problems.list().toString());
        AgentDraft d = intake.agents.get(0);
        assertEquals(AgentDraft.Origin.SOLUTION_ZIP, d.origin);
        SourceLocation mode = d.locations.get(AgentFields.AUTHENTICATION_MODE);
        assertEquals(Path.of(zip + "!", "bots", "cr6b1_expenses", "bot.xml"), mode.file());
        assertEquals(2, mode.line());
        assertEquals(zip, mode.diskFile());
        assertEquals("bots/cr6b1_expenses/bot.xml", mode.archiveEntry());
        assertEquals(4, d.channels.get(0).location().line());
        assertEquals("bots/cr6b1_expenses/configuration.json", d.channels.get(0).location().archiveEntry());
        assertEquals(List.of(new InputFile(SourceLocation.inArchive(zip, "bots/cr6b1_expenses/configuration.json"),
                InputKind.SOLUTION_CHANNELS, 1)), intake.files);
    }

    @Test
    void aPlainFileIsNoArchiveEntry() {
        SourceLocation plain = SourceLocation.of(dir.resolve("bots/x/bot.xml"), 3, 1);
        assertNull(plain.archiveEntry());
        assertEquals(plain.file(), plain.diskFile());
    }

    @Test
    void aZipWithoutSolutionXmlIsNotAnInput() throws IOException {
        Map<String, byte[]> m = solution();
        m.remove("solution.xml");
        assertEquals(NOT_A_SOLUTION, read(reader(SolutionZipReader.Limits.DEFAULT), zip(m)));
        assertTrue(intake.problems.isEmpty() && intake.agents.isEmpty());
    }

    @Test
    void tooManyEntriesAreRefusedBeforeAnythingIsRead() throws IOException {
        Path zip = zip(solution());
        assertEquals(0, read(reader(new SolutionZipReader.Limits(3, 1 << 20, 1 << 20, 100)), zip));
        assertEquals(List.of(Problem.inFile(zip, "refused: 4 entries, more than the 3 a solution export may hold")),
                intake.problems.list());
        assertTrue(intake.agents.isEmpty());
    }

    @Test
    void anEntryOrATotalTooLargeIsRefusedWhole() throws IOException {
        Map<String, byte[]> m = solution();
        m.put("WebResources/logo.png", new byte[4000]);
        Path zip = zip(m);
        assertEquals(0, read(reader(new SolutionZipReader.Limits(100, 3000, 3500, 100)), zip));
        List<String> problems = intake.problems.list().stream().map(Problem::render).toList();
        assertTrue(problems.contains(zip + "!/WebResources/logo.png: refused: 4000 bytes uncompressed, more than the limit of 3000 for one entry"),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(zip + ": refused: ") && p.endsWith("more than the limit of 3500")),
                problems.toString());
        assertTrue(intake.agents.isEmpty(), "nothing read half");
    }

    @Test
    void absoluteAndClimbingNamesLeaveTheArchive() {
        assertTrue(SolutionZipReader.leavesArchive("/etc/passwd"));
        assertTrue(SolutionZipReader.leavesArchive("C:\\Windows\\bot.xml"));
        assertTrue(SolutionZipReader.leavesArchive("bots/../../bot.xml"));
        assertTrue(SolutionZipReader.leavesArchive("..\\bot.xml"));
        assertFalse(SolutionZipReader.leavesArchive("bots/cr6b1_expenses/bot.xml"));
        assertFalse(SolutionZipReader.leavesArchive("botcomponents/cr6b1_x..y/botcomponent.xml"));
    }
}
