package io.trailcheck.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 17's hostile snapshots: a snapshot cannot reach outside itself, ambiguous keys are refused, and no
 * input ends in a stack trace, exit 1 or a hang.
 */
class HostileSnapshotTest extends HostileBattery {
    @Test
    void aLinkLeadingOutsideTheSnapshotIsSkippedListedAndNeverRead() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "hunter2-the-secret-token\n");
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        Files.createSymbolicLink(snapshot().resolve("users.json"), secret);
        Files.createSymbolicLink(snapshot().resolve("agents/outside"), dir);
        Path json = dir.resolve("r.json");
        Cli r = Cli.run("scan", snapshot().toString(), "--fail-on", "never", "--json", json.toString());
        assertEquals(0, r.exit(), r.toString());
        assertFalse(r.out().contains("hunter2") || r.err().contains("hunter2"), r.toString());
        assertTrue(r.out().contains("users.json") && r.out().contains("skipped: symbolic link leading outside the scanned folders"), r.out());
        String report = Files.readString(json);
        assertTrue(report.contains("\"skippedLinks\"") && report.contains("users.json") && report.contains("agents/outside"), report);
    }

    @Test
    void aLinkToAFileInsideTheSnapshotIsRead() throws IOException {
        Path real = write("exports/settings-a.yml", "schemaName: cr_a\nauthenticationMode: None\n");
        Files.createDirectories(snapshot().resolve("agents/a"));
        Files.createSymbolicLink(snapshot().resolve("agents/a/settings.mcs.yml"), real);
        Cli r = Cli.run("scan", snapshot().toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("CIL002"), r.out());
    }

    @Test
    void aFolderGivenAsALinkIsScannedWhereItLeadsUnderTheNameGiven() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: None\n");
        Path link = Files.createSymbolicLink(dir.resolve("link-to-snapshot"), snapshot());
        Cli r = Cli.run("scan", link.toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("CIL002") && r.out().contains(link.resolve("agents/a/settings.mcs.yml").toString()), r.out());
    }

    @Test
    void aParseErrorQuotesOnlyAShortEscapedExcerpt() throws IOException {
        String token = "sk_live_" + "A".repeat(60);
        Path f = write("users.json", "\u001b]0;owned\u0007" + token + "\n");
        String err = rejected();
        assertTrue(err.contains(f + ":1:"), err);
        assertFalse(err.contains(token), "the token is not quoted whole: " + err);
        assertFalse(err.contains("\u001b") || err.contains("\u0007"), "no control character reaches the terminal: " + err);
    }

    @Test
    void keysThatDifferOnlyInLetterCaseAreAmbiguousInEveryFormat() throws IOException {
        Path json = write("adminAuditLogConfig.json", "{\"UnifiedAuditLogIngestionEnabled\": false,\n \"unifiedauditlogingestionenabled\": true}");
        Path yaml = write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: None\nAuthenticationMode: Integrated\n");
        Path users = write("users.json", "{\"value\":[{\"id\":\"00000000-0000-0000-0000-000000000001\",\n\"accountEnabled\":true,\"AccountEnabled\":false}]}");
        Path nativeFile = write("x.trailcheck.yaml", "agents:\n  - schemaName: cr_n\n    authenticationMode: None\n    AUTHENTICATIONMODE: Integrated\n");
        String err = rejected();
        assertTrue(err.contains(json + ":2:2: duplicate key \"unifiedauditlogingestionenabled\": also given as \"UnifiedAuditLogIngestionEnabled\""), err);
        assertTrue(err.contains(yaml + ":3:1: duplicate key \"AuthenticationMode\": also given as \"authenticationMode\" at line 2"), err);
        assertTrue(err.contains(users + ":2:") && err.contains("duplicate key \"AccountEnabled\""), err);
        assertTrue(err.contains(nativeFile + ":4:") && err.contains("duplicate key \"AUTHENTICATIONMODE\""), err);
    }

    @Test
    void policyChannelsThatDifferOnlyInLetterCaseAreAmbiguous() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "channels:\n  Directline: not-logged\n  directline: logged\n");
        String err = rejected("--policy", policy.toString());
        assertTrue(err.contains(policy + ":3:3: duplicate key \"directline\""), err);
    }

    @Test
    void botXmlWithDuplicateElementsTrailingContentOrOverlongText() throws IOException {
        Path dup = write("bots/cr_a/bot.xml", "<bot schemaname=\"cr_a\">\n<authenticationmode>2</authenticationmode>\n"
                + "<AuthenticationMode>1</AuthenticationMode>\n</bot>\n");
        Path trailing = write("bots/cr_b/bot.xml", "<bot schemaname=\"cr_b\">\n<authenticationmode>2</authenticationmode>\n</bot>\ntrailing text\n");
        Path longText = write("bots/cr_c/bot.xml", "<bot schemaname=\"cr_c\"><name>" + "x".repeat(5000) + "</name></bot>\n");
        String err = rejected("--max-string-length", "1000");
        assertTrue(err.contains(dup + ":3:") && err.contains("duplicate element <AuthenticationMode>: also given at line 2"), err);
        assertTrue(err.contains(trailing + ":4:") || err.contains(trailing + ":3:"), err);
        assertTrue(err.contains(longText + ":1:") && err.contains("longer than --max-string-length (1000"), err);
    }

    @Test
    void sixThousandNestedGroupsAreExpandedWithoutStack() throws IOException {
        int n = 6000;
        String user = "00000000-0000-0000-0000-00000000aaaa";
        try (Writer w = Files.newBufferedWriter(snapshot().resolve("groups.json"))) {
            w.write("{\"value\":[\n");
            for (int i = 0; i < n; i++) {
                String member = i + 1 < n ? "{\"@odata.type\":\"#microsoft.graph.group\",\"id\":\"" + group(i + 1) + "\"}"
                        : "{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + user + "\"}";
                w.write((i == 0 ? "" : ",\n") + "{\"id\":\"" + group(i) + "\",\"displayName\":\"g" + i + "\",\"members\":[" + member + "]}");
            }
            w.write("]}\n");
        }
        write("users.json", "{\"value\":[{\"id\":\"" + user + "\",\"accountEnabled\":true,\"userType\":\"Guest\"}]}");
        write("bots.json", "{\"value\":[{\"schemaname\":\"cr_a\",\"authenticationmode\":2,\"accesscontrolpolicy\":2,"
                + "\"authorizedsecuritygroupids\":\"" + group(0) + "\"}]}");
        assertTrue(Files.size(snapshot().resolve("groups.json")) > 500_000);
        Cli r = Cli.run("scan", snapshot().toString(), "--fail-on", "never", "--format", "json");
        assertEquals(0, r.exit(), r.toString());
        noTrace(r);
        assertTrue(r.out().contains("CIL005"), "the guest at the end of the chain is in the audience: " + r.out());
    }

    private static String group(int i) {
        return new UUID(0x1000L, i).toString();
    }

    @Test
    void deepYamlWithARaisedNestingLimitIsALocatedProblem() throws IOException {
        Path f = write("agents/a/settings.mcs.yml", "schemaName: a\nx: " + "[".repeat(30_000) + "]".repeat(30_000) + "\n");
        String err = rejected("--max-nesting-depth", "100000");
        assertTrue(err.contains(f + ":1:1: malformed YAML: nested too deeply"), err);
    }

    @Test
    void aTwentyMillionCharacterCommentLineIsRead() throws IOException {
        Path f = snapshot().resolve("agents/a/settings.mcs.yml");
        Files.createDirectories(f.getParent());
        try (Writer w = Files.newBufferedWriter(f)) {
            w.write("schemaName: cr_a\nauthenticationMode: None\n#");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'c');
            for (int i = 0; i < 20; i++) w.write(chunk);
            w.write("\n");
        }
        Cli r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(90), () -> Cli.run("scan", snapshot().toString(), "--fail-on", "never"));
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("CIL002"), r.out());
    }

    @Test
    void anEnormousRuleTimeoutIsAnInvalidOption() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        String err = rejected("--rule-timeout", "9223372036854775807");
        assertTrue(err.contains("--rule-timeout must be at most 86400 seconds"), err);
    }

    @Test
    void aReorderedExportGivesIdenticalReports() throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        List<byte[]> reports = new java.util.ArrayList<>();
        for (boolean reversed : new boolean[]{false, true}) {
            Path copy = dir.resolve(reversed ? "reversed" : "original");
            try (Stream<Path> s = Files.walk(Cli.EXAMPLE)) {
                for (Path p : s.toList()) {
                    Path to = copy.resolve(Cli.EXAMPLE.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(to);
                    else Files.copy(p, to);
                }
            }
            {   // both copies rewritten the same way, so only the record order differs
                for (Path users : List.of(copy.resolve("graph/users-1.json"), copy.resolve("graph/users-2.json"))) {
                    com.fasterxml.jackson.databind.JsonNode pages = mapper.readTree(users.toFile());
                    for (com.fasterxml.jackson.databind.JsonNode page : pages.isArray() ? pages : List.of(pages)) {
                        com.fasterxml.jackson.databind.node.ArrayNode value = (com.fasterxml.jackson.databind.node.ArrayNode) page.path("value");
                        List<com.fasterxml.jackson.databind.JsonNode> records = new java.util.ArrayList<>();
                        value.forEach(records::add);
                        if (reversed) java.util.Collections.reverse(records);
                        value.removeAll().addAll(records);
                    }
                    mapper.writeValue(users.toFile(), pages);
                }
            }
            Path json = dir.resolve((reversed ? "b" : "a") + ".json"), csv = dir.resolve((reversed ? "b" : "a") + ".csv");
            Cli r = Cli.run("scan", copy.toString(), "--source-root", copy.toString(), "--fail-on", "never", "--as-of", "2026-12-01",
                    "--json", json.toString(), "--csv", csv.toString());
            assertEquals(0, r.exit(), r.toString());
            reports.add(Files.readAllBytes(csv));
            String report = Files.readString(json).replaceAll("\"line\" : \\d+", "").replaceAll("\"column\" : \\d+", "");
            reports.add(report.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        org.junit.jupiter.api.Assertions.assertArrayEquals(reports.get(0), reports.get(2), "CSV");
        assertEquals(new String(reports.get(1)), new String(reports.get(3)), "JSON");
    }

    @Test
    void runningOutOfMemoryIsExitFourNamingTheInput() throws Exception {
        Path users = snapshot().resolve("users.json");
        try (Writer w = Files.newBufferedWriter(users)) {
            w.write("{\"value\":[");
            for (int i = 0; i < 150_000; i++) {
                w.write((i == 0 ? "" : ",") + "{\"id\":\"" + new UUID(7, i) + "\",\"userPrincipalName\":\"user" + i
                        + "@contoso.com\",\"accountEnabled\":true,\"assignedLicenses\":[{\"skuId\":\"" + new UUID(9, i) + "\"}]}");
            }
            w.write("]}");
        }
        Path log = dir.resolve("child.log");
        Process p = Cli.inChildJvm(List.of("-Xmx24m"), "scan", snapshot().toString()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) p.destroyForcibly();
        String output = Files.readString(log);
        assertTrue(ended, "the scan ends: " + output);
        assertEquals(4, p.exitValue(), output);
        assertEquals(List.of("trailcheck: out of memory while reading " + users + "; give Java more heap (TRAILCHECK_JAVA_OPTS=-Xmx…)"),
                output.lines().filter(l -> !l.startsWith("SLF4J")).toList());
    }
}
