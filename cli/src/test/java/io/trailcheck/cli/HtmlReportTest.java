package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coverage the JSON result gained for the HTML page, the page's self-containment and escaping, the
 * baseline's new and fixed findings, and {@code report}'s handling of files that are not results. The
 * browser checks are in {@link HtmlReportBrowserTest}; these run everywhere.
 */
class HtmlReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    private JsonNode scan(Path snapshot, String... more) throws IOException {
        Path json = dir.resolve("result-" + System.nanoTime() + ".json");
        String[] args = Stream.concat(Stream.of("scan", snapshot.toString(), "--json", json.toString(), "--fail-on", "never"),
                Stream.of(more)).toArray(String[]::new);
        Cli run = Cli.run(args);
        assertEquals(0, run.exit(), run.toString());
        return JSON.readTree(json.toFile());
    }

    @Test
    void coverageAgreesWithTheMailboxAndGuestFindings() throws IOException {
        JsonNode result = scan(Cli.EXAMPLE);
        Map<String, JsonNode> coverage = new TreeMap<>();
        result.path("coverage").path("agents").forEach(a -> coverage.put(a.path("agent").asText(), a));
        assertEquals(result.path("inventory").path("agents").asInt(), coverage.size(), "one entry per agent");
        int checked = 0;
        for (JsonNode f : result.path("findings")) {
            JsonNode a = coverage.get(f.path("agent").asText());
            if (f.path("ruleId").asText().equals("CIL004")) {
                Map<String, Integer> mailbox = new TreeMap<>();
                a.path("notRecorded").properties().forEach(e -> { if (!e.getKey().equals("guest")) mailbox.put(e.getKey(), e.getValue().asInt()); });
                Map<String, Integer> reasons = new TreeMap<>();
                f.path("reasons").properties().forEach(e -> reasons.put(e.getKey(), e.getValue().asInt()));
                assertEquals(reasons, mailbox, f.path("message").asText());
                assertEquals(f.path("total").asInt() - f.path("affected").asInt(), a.path("recorded").asInt(), "members with a mailbox");
                checked++;
            }
            if (f.path("ruleId").asText().equals("CIL005")) {
                assertEquals(f.path("affected").asInt(), a.path("notRecorded").path("guest").asInt());
                assertEquals(f.path("total").asInt(), a.path("people").asInt(), "everyone in the audience");
                checked++;
            }
            if (f.path("ruleId").asText().equals("CIL001")) {
                assertEquals(a.path("people").asInt(), a.path("notRecorded").path("authentication").asInt(), "no one signs in with Microsoft");
                checked++;
            }
            if (f.path("ruleId").asText().equals("CIL003")) {
                assertEquals("not-logged", a.path("channels").path(f.path("channel").asText()).asText());
                checked++;
            }
        }
        assertEquals(10, checked, "the example has 2 CIL004, 2 CIL005, 3 CIL001 and 3 CIL003 findings");
        assertEquals("disabled", result.path("tenant").path("auditIngestion").asText());
    }

    @Test
    void coverageReasonFollowsTheAgentsSettings() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap"));
        String mailbox = "[{\"service\":\"exchange\",\"capabilityStatus\":\"Enabled\",\"servicePlanId\":\"efb87545-963c-4e0d-99df-69c6916d9eb0\"}]";
        Files.writeString(snap.resolve("users.json"), "{\"value\":[\n"
                + "{\"id\":\"u1\",\"userPrincipalName\":\"a@contoso.com\",\"accountEnabled\":true,\"userType\":\"Member\",\"assignedPlans\":" + mailbox + "},\n"
                + "{\"id\":\"u2\",\"userPrincipalName\":\"b@contoso.com\",\"accountEnabled\":true,\"userType\":\"Member\",\"assignedPlans\":" + mailbox + "},\n"
                + "{\"id\":\"u3\",\"userPrincipalName\":\"c_fabrikam.com#EXT#@contoso.com\",\"accountEnabled\":true,\"userType\":\"Guest\",\"assignedPlans\":[]}]}\n");
        agent(snap, "teams", "Integrated", "Any", "MsTeams");
        agent(snap, "directline", "Integrated", "Any", "Directline");
        agent(snap, "sharepoint", "Integrated", "Any", "SharePoint");
        agent(snap, "anonymous", "None", "Any", "MsTeams");
        agent(snap, "groups", "Integrated", "GroupMembership", "MsTeams");
        Map<String, JsonNode> coverage = new TreeMap<>();
        scan(snap).path("coverage").path("agents").forEach(a -> coverage.put(a.path("agent").asText(), a));
        assertEquals("{\"guest\":1}", coverage.get("cr6b1_teams").path("notRecorded").toString());
        assertEquals(2, coverage.get("cr6b1_teams").path("recorded").asInt());
        assertEquals(3, coverage.get("cr6b1_teams").path("people").asInt());
        assertEquals("{\"no-logged-channel\":3}", coverage.get("cr6b1_directline").path("notRecorded").toString());
        assertEquals(3, coverage.get("cr6b1_sharepoint").path("unknown").asInt(), "unclassified channel: cannot be told");
        assertEquals("{\"authentication\":3}", coverage.get("cr6b1_anonymous").path("notRecorded").toString());
        JsonNode groups = coverage.get("cr6b1_groups");
        assertEquals("unknown", groups.path("audience").asText(), "no input names its groups");
        assertTrue(groups.path("people").isNull());
    }

    private static void agent(Path snap, String name, String mode, String access, String channel) throws IOException {
        Path d = Files.createDirectories(snap.resolve("agents/" + name));
        Files.writeString(d.resolve("settings.mcs.yml"), "displayName: " + name + "\nschemaName: cr6b1_" + name
                + "\naccessControlPolicy: " + access + "\nauthenticationMode: " + mode + "\nauthenticationTrigger: Always\n"
                + "configuration:\n  channels:\n    - channelId: " + channel + "\n");
    }

    @Test
    void pageIsSelfContainedAndEscapesWhatItShows() throws IOException {
        Path snap = Files.createDirectories(dir.resolve("snap/agents/evil"));
        Files.writeString(snap.resolve("settings.mcs.yml"), "displayName: '<script>alert(1)</script> {1}'\nschemaName: cr6b1_evil\n"
                + "authenticationMode: None\nconfiguration:\n  channels:\n    - channelId: \"\\\"><svg onload=alert(2)>\"\n");
        Path html = dir.resolve("page.html");
        Cli run = Cli.run("scan", dir.resolve("snap").toString(), "--html", html.toString(), "--fail-on", "never");
        assertEquals(0, run.exit(), run.toString());
        String page = Files.readString(html);
        assertFalse(page.contains("<script>alert(1)"), "the display name is not markup");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; {1}"), "but shown as written");
        assertFalse(page.contains("<svg onload"), "nor is the channel id");
        assertTrue(page.contains("http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';"));
        assertFalse(page.matches("(?s).*(<link |<iframe|\\ssrc=|url\\().*"), "nothing is loaded from anywhere");
        assertEquals(1, page.split("<script>", -1).length - 1, "one script, the page's own");
    }

    @Test
    void baselineShowsWhatIsNewAndWhatWasFixed() throws IOException {
        Path snap = dir.resolve("snap");
        copy(Cli.EXAMPLE, snap);
        Path baseline = dir.resolve("baseline.json");
        assertEquals(0, Cli.run("scan", snap.toString(), "--json", baseline.toString(), "--fail-on", "never").exit());
        Path hr = snap.resolve("agents/hr-helper/settings.mcs.yml");
        Files.writeString(hr, Files.readString(hr).replace("    - channelId: Directline\n", "    - channelId: Telephony\n"));
        Path html = dir.resolve("page.html");
        JsonNode result = scan(snap, "--baseline", baseline.toString(), "--html", html.toString());
        assertEquals(1, result.path("fixed").size(), result.path("fixed").toString());
        JsonNode fixed = result.path("fixed").path(0);
        assertEquals("CIL003", fixed.path("ruleId").asText());
        assertTrue(fixed.path("message").asText().contains("Directline"), fixed.toString());
        assertEquals(9, fixed.path("location").path("line").asInt());
        List<String> fresh = new java.util.ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            if (f.path("baselineState").asText().equals("new")) fresh.add(f.path("ruleId").asText() + " " + f.path("entity").path("key").asText());
        }
        // Telephony, and the workspace now disagreeing with bots.json on the channels
        assertEquals(List.of("CIL003 cr6b1_hrHelper/Telephony", "CIL015 cr6b1_hrHelper/channels"), fresh);
        String page = Files.readString(html);
        assertTrue(page.contains("<span id=\"new-count\">2</span> new, <span id=\"fixed-count\">1</span> fixed"), "the page counts them");
    }

    @Test
    void usersArePseudonymousUnlessNamesAreAskedFor() throws IOException {
        Path pseudonymous = dir.resolve("pseudonymous.html");
        Path named = dir.resolve("named.html");
        assertEquals(0, Cli.run("scan", Cli.EXAMPLE.toString(), "--html", pseudonymous.toString(), "--fail-on", "never").exit());
        assertEquals(0, Cli.run("scan", Cli.EXAMPLE.toString(), "--html", named.toString(), "--fail-on", "never",
                "--identities", "names").exit());
        String page = Files.readString(pseudonymous);
        assertFalse(page.contains("@contoso.com"), "no principal names by default");
        assertTrue(page.matches("(?s).*<code>user-[0-9a-f]{12}</code>.*"), "pseudonyms instead");
        assertTrue(Files.readString(named).contains("@contoso.com</code>"), "names when asked for");
    }

    @Test
    void withoutBaselineTheResultHasNoFixedList() throws IOException {
        assertFalse(scan(Cli.EXAMPLE).has("fixed"));
    }

    @Test
    void reportRejectsWhatIsNotAResultAtItsLine() throws IOException {
        Path sarif = dir.resolve("example.sarif");
        assertEquals(0, Cli.run("scan", Cli.EXAMPLE.toString(), "--sarif", sarif.toString(), "--fail-on", "never").exit());
        Path html = dir.resolve("summary.html");
        Cli run = Cli.run("report", sarif.toString(), "--html", html.toString());
        assertEquals(2, run.exit(), run.toString());
        assertTrue(run.err().startsWith(sarif + ":1:1: not a trailcheck --json result: no \"tool\" field"), run.err());
        assertFalse(Files.exists(html), "no page on failure");

        Path foreign = dir.resolve("other.json");
        Files.writeString(foreign, "{\n  \"tool\": \"maester\",\n  \"findings\": []\n}\n");
        run = Cli.run("report", foreign.toString(), "--html", html.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith(foreign + ":2:11: not a trailcheck --json result: tool is maester"), run.err());

        Path future = dir.resolve("future.json");
        Files.writeString(future, "{\"tool\":\"trailcheck\",\"formatVersion\":2,\"summary\":{},\"findings\":[]}");
        run = Cli.run("report", future.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unsupported result formatVersion 2"), run.err());

        Path truncated = dir.resolve("truncated.json");
        Files.writeString(truncated, "{\"tool\":\"trailcheck\",\n\"findings\":[{\"ruleId\":");
        run = Cli.run("report", truncated.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith(truncated + ":2:"), run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void reportMergesResultsIntoMarkdown() throws IOException {
        Path a = dir.resolve("alpha.json");
        Path b = dir.resolve("beta.json");
        Files.write(a, JSON.writeValueAsBytes(scan(Cli.EXAMPLE)));
        Files.copy(a, b);
        Path md = dir.resolve("summary.md");
        Cli run = Cli.run("report", a.toString(), b.toString(), "--markdown", md.toString());
        assertEquals(0, run.exit(), run.toString());
        String text = Files.readString(md);
        assertTrue(text.contains("| alpha | passed | 20 | 7 | 1 | 0 | 7 | 5 | 25 |"), text);
        assertTrue(text.contains("| **All** | passed | 40 | 14 | 2 | 0 | 14 | 10 | 50 |"), text);
        assertEquals(text, run.out(), "standard output shows the same summary");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target);
                else Files.copy(f, target);
            }
        }
    }
}
