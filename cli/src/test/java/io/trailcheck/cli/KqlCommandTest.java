package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailcheck.engine.digest.Digests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** `trailcheck kql`: queries Kusto's language service accepts, pinned for the example, and true to the scan. */
class KqlCommandTest {
    static final Path GOLDEN = Cli.REPO.resolve("cli/src/test/resources/io/trailcheck/cli/kql");

    @TempDir Path dir;

    private Path kql(String name, String... args) {
        Path out = dir.resolve(name);
        List<String> all = new ArrayList<>(List.of("kql"));
        all.addAll(List.of(args));
        all.addAll(List.of("--out", out.toString()));
        Cli run = Cli.run(all.toArray(String[]::new));
        assertEquals(0, run.exit(), run.toString());
        return out;
    }

    @ParameterizedTest
    @CsvSource({"sentinel", "defender"})
    void exampleQueryMatchesItsGoldenFileAndHasNoDiagnostics(String target) throws Exception {
        Path query = kql(target + ".kql", Cli.EXAMPLE.toString(), "--target", target);
        String golden = Files.readString(GOLDEN.resolve("contoso-" + target + ".kql"))
                .replace("${version}", VersionProvider.version());
        assertEquals(golden, Files.readString(query));
        assertEquals(List.of(), KustoLanguage.analyse(target, query).diagnostics());
    }

    @ParameterizedTest
    @CsvSource({
            "sentinel, --identities=names, --telemetry=none",
            "sentinel, --telemetry=appevents, --max-query-length=100",
            "defender, --identities=names, --telemetry=appevents",
            "defender, --telemetry=none, --max-query-length=100",
            "defender, --telemetry=appevents, --max-query-length=100"})
    void everyVariantHasNoDiagnostics(String target, String first, String second) throws Exception {
        Path query = kql("variant.kql", Cli.EXAMPLE.toString(), "--target", target, first, second, "--days", "7");
        KustoLanguage.Analysis analysis = KustoLanguage.analyse(target, query);
        assertEquals(List.of(), analysis.diagnostics(), Files.readString(query));
        String text = Files.readString(query);
        assertTrue(text.contains("let lookback = 7d;"), text);
        assertEquals(second.contains("appevents") || first.contains("appevents"), text.contains("= AppEvents"));
    }

    @Test
    void aPredictionTooLargeForTheQueryGoesToAFileTheQueryReads() throws Exception {
        String text = Files.readString(tooLarge("sentinel", "--watchlist", "contoso prediction"));
        assertTrue(text.contains("_GetWatchlist(\"contoso prediction\")"), text);
        assertFalse(text.contains("datatable(SchemaName"), text);
        List<String> rows = Files.readAllLines(dir.resolve("large.prediction.csv"));
        assertEquals("Kind,Key,Channel,DisplayName,Cause", rows.get(0));
        assertTrue(rows.contains("agent,cr6b1_faqBot,,Contoso Public FAQ,\"CIL001 agent-auth-not-microsoft, CIL002 anonymous-access\""), rows.toString());
        assertTrue(rows.contains("channel,cr6b1_hrHelper,Directline,,CIL003 channel-not-logged"), rows.toString());
        assertTrue(rows.contains("user," + Digests.pseudonym("LynneR@contoso.com") + ",,,CIL004 plan-disabled"), rows.toString());
        assertEquals(1 + 7 + 3 + 7, rows.size());
    }

    @Test
    void defenderReadsTheFileWithExternaldataFromTheGivenUrl() throws Exception {
        Path query = tooLarge("defender", "--prediction-url", "https://contoso.blob.core.windows.net/kql/p.csv?sv=2024&sig=a%2Fb\"c");
        String text = Files.readString(query);
        assertTrue(text.contains("[h\"https://contoso.blob.core.windows.net/kql/p.csv?sv=2024&sig=a%2Fb\\\"c\"]"), text);
        assertEquals(List.of(), KustoLanguage.analyse("defender", query).diagnostics());
        assertTrue(Files.exists(dir.resolve("large.prediction.csv")));
    }

    /** The example's query with a length limit it cannot meet inline. */
    private Path tooLarge(String target, String option, String value) {
        return kql("large.kql", Cli.EXAMPLE.toString(), "--target", target, "--max-query-length", "100", option, value);
    }

    @ParameterizedTest
    @CsvSource({"sentinel", "defender"})
    void theQueryCarriesWhatScanJsonPredicts(String target) throws Exception {
        Path json = dir.resolve("scan.json");
        Cli scan = Cli.run("scan", Cli.EXAMPLE.toString(), "--json", json.toString(), "--fail-on", "never");
        assertEquals(0, scan.exit(), scan.toString());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        JsonNode tables = KustoLanguage.analyse(target, kql("q.kql", Cli.EXAMPLE.toString(), "--target", target)).datatables();

        Map<String, Set<String>> agentCauses = new TreeMap<>();
        Set<List<String>> channels = new HashSet<>();
        Map<String, String> users = new HashMap<>();
        boolean ingestionOff = false;
        for (JsonNode f : result.path("findings")) {
            String rule = f.path("ruleId").asText();
            switch (rule) {
                case "CIL001" -> agentCauses.computeIfAbsent(f.path("agent").asText(), a -> new TreeSet<>()).add("CIL001 agent-auth-not-microsoft");
                case "CIL002" -> agentCauses.computeIfAbsent(f.path("agent").asText(), a -> new TreeSet<>()).add("CIL002 anonymous-access");
                case "CIL003" -> channels.add(List.of(f.path("agent").asText(), f.path("channel").asText(), "CIL003 channel-not-logged"));
                case "CIL006" -> ingestionOff = true;
                case "CIL004", "CIL005" -> {
                    for (JsonNode i : result.path("affectedUserSets").path(f.path("affectedUsersRef").asText())) {
                        JsonNode u = result.path("users").get(i.asInt());
                        String id = target.equals("sentinel") ? u.path("userPrincipalName").asText() : u.path("id").asText();
                        users.put(Digests.pseudonym(id), rule + " " + u.path("reason").asText());
                    }
                }
                default -> { }
            }
        }
        assertTrue(ingestionOff, "the example has ingestion off");
        JsonNode agents = tables.path("predictedAgents");
        assertEquals(result.path("inventory").path("agents").asInt(), agents.size());
        for (JsonNode a : agents) {
            String expected = String.join(", ", agentCauses.getOrDefault(a.get(0).asText(), Set.of()));
            assertEquals(expected, a.get(2).asText(), a.toString());
            assertFalse(a.get(3).asBoolean(), "ingestion is off: no agent is predicted to leave records");
        }
        Set<List<String>> queryChannels = new HashSet<>();
        tables.path("predictedChannels").forEach(c -> queryChannels.add(List.of(c.get(0).asText(), c.get(1).asText(), c.get(2).asText())));
        assertEquals(channels, queryChannels);
        Map<Integer, String> causes = new HashMap<>();
        tables.path("userCauses").forEach(c -> causes.put(c.get(0).asInt(), c.get(1).asText()));
        Map<String, String> queryUsers = new HashMap<>();
        tables.path("usersWithoutRecords").forEach(u -> queryUsers.put(u.get(0).asText(), causes.get(u.get(1).asInt())));
        assertEquals(users, queryUsers);
        assertFalse(users.isEmpty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--target=sentinel --days=0 | --days must be a positive number, not 0",
            "--target=defender --days=31 | --days 31: Defender XDR advanced hunting keeps 30 days of data",
            "--target=sentinel --watchlist=x | --watchlist \"x\": a watchlist alias has 3 to 64",
            "--target=defender --prediction-url=http://example.com/p.csv | --prediction-url must be an https:// URL",
            "--target=splunk | Invalid value for option '--target'"})
    void badOptionsExitTwoAndWriteNothing(String options, String message) {
        Path out = dir.resolve("q.kql");
        List<String> args = new ArrayList<>(List.of("kql", Cli.EXAMPLE.toString(), "--out", out.toString()));
        args.addAll(List.of(options.split(" ")));
        Cli run = Cli.run(args.toArray(String[]::new));
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains(message), run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void anUnreadableSnapshotExitsTwoAndWritesNothing() throws IOException {
        Path broken = Files.createDirectories(dir.resolve("broken/graph"));
        Files.writeString(broken.resolve("users.json"), "{\"value\": [ {\"id\": ");
        Path out = dir.resolve("q.kql");
        Cli run = Cli.run("kql", broken.getParent().toString(), "--target", "sentinel", "--out", out.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().contains("users.json:1:"), run.err());
        assertFalse(Files.exists(out));
    }

    static final String HOSTILE = "Evil \"] ; CopilotActivity | take 1 //\\ \n{1}\u001b[31m\u2028'x'\u00e9\uD83D\uDE00";

    @ParameterizedTest
    @CsvSource({"sentinel", "defender"})
    void hostileNamesStayInsideTheirLiterals(String target) throws Exception {
        String name = new ObjectMapper().writeValueAsString(HOSTILE);
        String schema = new ObjectMapper().writeValueAsString("cr6b1_x\\\"]\n{0}");
        Path query = kql("hostile.kql", snapshot("hostile", name, schema).toString(), "--target", target, "--identities", "names");
        KustoLanguage.Analysis analysis = KustoLanguage.analyse(target, query);
        assertEquals(List.of(), analysis.diagnostics(), Files.readString(query));
        JsonNode agent = analysis.datatables().path("predictedAgents").get(0);
        assertEquals("cr6b1_x\\\"]\n{0}", agent.get(0).asText());
        assertEquals(HOSTILE, agent.get(1).asText());
        assertEquals("cr6b1_x\\\"]\n{0}", analysis.datatables().path("predictedChannels").get(0).get(0).asText());
        String text = Files.readString(query);
        assertTrue(text.chars().allMatch(c -> c == '\n' || (c >= 0x20 && c < 0x7f)), "only printable ASCII in the query");
        Path benign = kql("benign.kql", snapshot("benign", "\"Benign\"", "\"cr6b1_x\"").toString(), "--target", target,
                "--identities", "names");
        assertEquals(Files.readString(benign).lines().count(), text.lines().count(), "no value added a line");
    }

    private Path snapshot(String name, String botName, String schemaName) throws IOException {
        Path dataverse = Files.createDirectories(dir.resolve(name).resolve("dataverse"));
        Files.writeString(dataverse.resolve("bots.json"), """
                {"value": [{"botid": "7f8c1c1e-1111-4e2e-9c1d-2b7c5c9d0a11", "name": %s, "schemaname": %s,
                  "authenticationmode": 1, "authenticationtrigger": 1, "accesscontrolpolicy": 0,
                  "configuration": "{\\"channels\\":[{\\"channelId\\":\\"Directline\\"}]}", "statecode": 0}]}
                """.formatted(botName, schemaName));
        return dataverse.getParent();
    }
}
