package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Repositories as people keep them: one agent as a workspace, an unpacked solution and a solution zip;
 * solutions only as zips; hostile zips. The fixtures are the rule cases' own files, zipped here.
 */
class RealRepositoriesTest {
    private static final Path CASES = Cli.REPO.resolve("rules/src/test/resources/cases");
    private static final Path DISAGREEING = CASES.resolve("CIL015/workspace-and-solution-disagree-fires");
    private static final Path PUBLISHED = CASES.resolve("CIL003/published-channels-judged-fires/solution");

    @TempDir Path dir;

    @Test
    void oneAgentAsWorkspaceUnpackedSolutionAndZipIsOneAgentWithItsDifferencesListed() throws IOException {
        Path repo = dir.resolve("repo");
        copy(DISAGREEING, repo);
        zip(DISAGREEING.resolve("SolutionExport"), repo.resolve("releases/TravelAgents_1_0_0_3_managed.zip"));
        Cli r = scan(repo, "--fail-on", "error");
        assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
        JsonNode json = json();
        assertEquals(1, json.path("inventory").path("agents").asInt());
        String conflicts = json.path("conflicts").toString();
        assertTrue(conflicts.contains("Integrated in LocalWorkspace/settings.mcs.yml:4")
                && conflicts.contains("1 (None) in SolutionExport/bots/cree9_travelDesk/bot.xml:2")
                && conflicts.contains("1 (None) in releases/TravelAgents_1_0_0_3_managed.zip!/bots/cree9_travelDesk/bot.xml:2"), conflicts);
        assertTrue(r.out().contains("Conflicting sources:"), r.out());
        assertTrue(r.out().contains("CIL015"), r.out());
    }

    @Test
    void aRepositoryKeepingSolutionsOnlyAsZipsHasItsAgentsFoundAndLocatedInsideTheZip() throws Exception {
        Path repo = dir.resolve("repo");
        zip(PUBLISHED, repo.resolve("solutions/TravelAgents.zip"));
        Files.createDirectories(repo.resolve("docs"));
        zip(CASES.resolve("CIL017/workspace-trigger-fires"), repo.resolve("docs/not-a-solution.zip"));
        Path sarif = dir.resolve("out.sarif");
        Cli r = scan(repo, "--sarif", sarif.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        JsonNode json = json();
        assertEquals(1, json.path("inventory").path("agents").asInt());
        List<String> files = new ArrayList<>();
        json.path("inventory").path("files").forEach(f -> files.add(f.path("file").asText() + " " + f.path("kind").asText()));
        assertEquals(List.of("solutions/TravelAgents.zip solution_zip",
                "solutions/TravelAgents.zip!/bots/cree9_travelDesk/configuration.json solution_channels"), files,
                "the non-solution zip is not an input");
        JsonNode finding = find(json, "CIL003");
        assertEquals("solutions/TravelAgents.zip!/bots/cree9_travelDesk/bot.xml", finding.path("location").path("file").asText());
        assertEquals(38, finding.path("location").path("line").asInt());
        assertTrue(r.out().contains("solutions/TravelAgents.zip!/bots/cree9_travelDesk/bot.xml:38"), r.out());

        JsonNode result = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results").get(0);
        JsonNode location = result.path("locations").get(0);
        assertEquals("solutions/TravelAgents.zip", location.path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertEquals(1, location.path("physicalLocation").path("region").path("startLine").asInt());
        assertEquals("bots/cree9_travelDesk/bot.xml:38", location.path("logicalLocations").get(0).path("name").asText());
        assertEquals(List.of(), SarifMultitoolTest.validate(sarif), "GitHub's rules accept the zip location");
    }

    @Test
    void aZipBombIsRefusedAtItsEntry() throws IOException {
        Path zip = dir.resolve("repo/Bomb.zip");
        zip(PUBLISHED, zip, "WebResources/padding.bin", new byte[20 << 20]);
        String err = rejected(dir.resolve("repo"));
        assertTrue(err.contains(zip + "!/WebResources/padding.bin: refused: compressed more than 100 to 1"), err);
    }

    @Test
    void aZipSlipEntryIsRefused() throws IOException {
        Path zip = dir.resolve("repo/Slip.zip");
        zip(PUBLISHED, zip, "../../outside/bot.xml", "<bot/>".getBytes());
        String err = rejected(dir.resolve("repo"));
        assertTrue(err.contains(zip + ": refused: entry \"../../outside/bot.xml\" is an absolute path or climbs out"), err);
    }

    @Test
    void aTruncatedZipIsRefused() throws IOException {
        Path whole = dir.resolve("whole.zip");
        zip(PUBLISHED, whole);
        byte[] bytes = Files.readAllBytes(whole);
        Path zip = dir.resolve("repo/Truncated.zip");
        Files.createDirectories(zip.getParent());
        Files.write(zip, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        String err = rejected(dir.resolve("repo"));
        assertTrue(err.contains(zip + ": not a readable zip archive (truncated or corrupt"), err);
    }

    @Test
    void theSameAgentTwiceInOneExportMergesAndTheInventorySaysOneFile() throws IOException {
        Cli r = scanExport("bots.json", "{\"value\":[\n{\"schemaname\":\"cr_hr\",\"authenticationmode\":2},\n"
                + "{\"schemaname\":\"CR_HR\",\"authenticationmode\":1}]}");
        assertTrue(r.out().startsWith("Read 1 file: 1 agent, 0 users, 0 groups, 0 SKUs."), r.out());
        assertTrue(json().path("conflicts").get(0).asText().startsWith(
                "cr_hr: authenticationMode differs between sources: 2 (Integrated) in bots.json:2; 1 (None) in bots.json:3"),
                json().path("conflicts").toString());
    }

    @Test
    void inactiveBotsAreNamedInTheInventoryAndNeverPublishedOnesAreJudgedAsDrafts() throws IOException {
        Cli r = scanExport("dataverse/bots.json", "{\"value\":[\n{\"schemaname\":\"cr6b1_old\",\"name\":\"Old\",\"authenticationmode\":1,\"statecode\":1},\n"
                + "{\"schemaname\":\"cr6b1_new\",\"name\":\"New\",\"authenticationmode\":1,\"statecode\":0,\"publishedon\":null}]}");
        assertTrue(r.out().contains("  cr6b1_old: statecode 1 (Inactive) in Dataverse at dataverse/bots.json:2; not judged"), r.out());
        JsonNode json = json();
        assertEquals("cr6b1_old", json.path("inventory").path("notJudged").get(0).path("agent").asText());
        assertEquals(1, json.path("inventory").path("agents").asInt());
        assertTrue(find(json, "CIL001").path("message").asText().contains("New (cr6b1_new, draft, never published)"),
                find(json, "CIL001").toString());
    }

    /** Writes one export into the repository and scans it; the scan must complete. */
    private Cli scanExport(String name, String text) throws IOException {
        Path file = dir.resolve("repo").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        Cli r = scan(dir.resolve("repo"), "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        return r;
    }

    private Cli scan(Path repo, String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", repo.toString(), "--source-root", repo.toString(),
                "--json", dir.resolve("out.json").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    private JsonNode json() throws IOException {
        return new ObjectMapper().readTree(dir.resolve("out.json").toFile());
    }

    private String rejected(Path repo) {
        Cli r = scan(repo, "--fail-on", "never");
        assertEquals(2, r.exit(), r.toString());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("out.json")), "no report on failure");
        return r.err();
    }

    private static JsonNode find(JsonNode json, String rule) {
        for (JsonNode f : json.path("findings")) if (f.path("ruleId").asText().equals(rule)) return f;
        throw new AssertionError("no " + rule + " in " + json.path("findings"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else if (!p.getFileName().toString().equals("expect.yaml")) Files.copy(p, target);
            }
        }
    }

    /** Zips a folder as pac solution export lays it out, plus optional extra entries. */
    private static void zip(Path folder, Path zip, Object... extra) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> s = Files.walk(folder)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                z.putNextEntry(new ZipEntry(folder.relativize(p).toString().replace('\\', '/')));
                Files.copy(p, z);
                z.closeEntry();
            }
            for (int i = 0; i < extra.length; i += 2) {
                z.putNextEntry(new ZipEntry((String) extra[i]));
                z.write((byte[]) extra[i + 1]);
                z.closeEntry();
            }
        }
    }
}
