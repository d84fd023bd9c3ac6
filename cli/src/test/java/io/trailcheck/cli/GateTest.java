package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The deployment gate: baselines, stable fingerprints, and reports a pipeline can trust. */
class GateTest {
    @TempDir Path dir;

    private Path workspace(String folder, String schema, String mode, String... channels) throws IOException {
        Path ws = Files.createDirectories(dir.resolve("snap/agents").resolve(folder));
        StringBuilder y = new StringBuilder("displayName: " + folder + "\nschemaName: " + schema
                + "\naccessControlPolicy: Any\nauthenticationMode: " + mode + "\nauthenticationTrigger: Always\nconfiguration:\n  channels:\n");
        for (String c : channels) y.append("    - channelId: ").append(c).append('\n');
        Files.writeString(ws.resolve("settings.mcs.yml"), y.toString());
        return ws;
    }

    @Test
    void rerunningWithTheBaselinePassesUntilANewAgentBreaksAPrerequisite() throws IOException {
        workspace("faq", "cr6b1_faq", "None", "webchat");
        workspace("hr", "cr6b1_hr", "Integrated", "MsTeams");
        Path baseline = dir.resolve("baseline.json");
        Cli first = Cli.run("scan", dir.resolve("snap").toString(), "--json", baseline.toString());
        assertEquals(1, first.exit(), first.toString());

        Cli again = Cli.run("scan", dir.resolve("snap").toString(), "--baseline", baseline.toString());
        assertEquals(0, again.exit(), again.toString());

        workspace("sales", "cr6b1_sales", "Integrated", "MsTeams", "Directline");
        Path sarif = dir.resolve("new.sarif");
        Cli broken = Cli.run("scan", dir.resolve("snap").toString(), "--baseline", baseline.toString(), "--sarif", sarif.toString());
        assertEquals(1, broken.exit(), broken.toString());
        JsonNode results = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
        for (JsonNode r : results) {
            boolean isNew = r.path("properties").path("agent").asText().equals("cr6b1_sales");
            assertEquals(isNew ? "new" : "unchanged", r.path("baselineState").asText(), r.toString());
        }
    }

    @Test
    void aSarifResultWorksAsABaselineToo() throws IOException {
        workspace("faq", "cr6b1_faq", "None", "webchat");
        Path sarif = dir.resolve("base.sarif");
        Cli.run("scan", dir.resolve("snap").toString(), "--sarif", sarif.toString());
        Cli again = Cli.run("scan", dir.resolve("snap").toString(), "--baseline", sarif.toString());
        assertEquals(0, again.exit(), again.toString());
    }

    @Test
    void reorderingAndReexportingChangesNoFingerprint() throws IOException {
        Path example = Cli.EXAMPLE;
        Set<String> original = fingerprints(example);
        Path shuffled = dir.resolve("shuffled");
        copyTree(example, shuffled);
        shuffleUsersAndBots(shuffled);
        Set<String> after = fingerprints(shuffled);
        assertEquals(original, after);
    }

    private Set<String> fingerprints(Path snapshot) throws IOException {
        Path json = dir.resolve("fp-" + snapshot.getFileName() + ".json");
        Cli.run("scan", snapshot.toString(), "--json", json.toString(), "--fail-on", "never");
        Set<String> out = new TreeSet<>();
        for (JsonNode f : new ObjectMapper().readTree(json.toFile()).path("findings")) out.add(f.path("fingerprint").asText());
        assertFalse(out.isEmpty());
        return out;
    }

    /** Reverses and shuffles every array of records, and re-indents the JSON, as a fresh export might. */
    private static void shuffleUsersAndBots(Path root) throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        try (var files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).toList()) {
                JsonNode node = mapper.readTree(f.toFile());
                JsonNode values = node.path("value");
                if (values.isArray() && values.size() > 1) {
                    List<JsonNode> items = new ArrayList<>();
                    values.forEach(items::add);
                    Collections.shuffle(items, new Random(7));
                    ((com.fasterxml.jackson.databind.node.ArrayNode) values).removeAll().addAll(items);
                }
                Files.writeString(f, "\n\n" + mapper.writerWithDefaultPrettyPrinter().writeValueAsString(node));
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    @Test
    void moreThan25000FindingsStayWithinGitHubLimitsAndValidate() throws Exception {
        Path snap = Files.createDirectories(dir.resolve("big"));
        StringBuilder y = new StringBuilder("agents:\n");
        for (int i = 0; i < 13_000; i++) {
            y.append("  - { schemaName: cr_agent").append(i).append(", authenticationMode: None, channels: [webchat] }\n");
        }
        Files.writeString(snap.resolve("big.trailcheck.yaml"), y.toString());
        Path sarif = dir.resolve("big.sarif");
        Cli r = Cli.run("scan", snap.toString(), "--sarif", sarif.toString(), "--fail-on", "never", "--format", "json",
                "--source-root", dir.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.err().contains("left out to stay within GitHub's limits"), r.err());
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0);
        assertEquals(25_000, run.path("results").size());
        assertTrue(run.path("invocations").get(0).path("toolExecutionNotifications").toString().contains("14000 errors"),
                run.path("invocations").toString());
        assertTrue(gzippedSize(sarif) < 10L * 1024 * 1024);
        assertEquals(List.of(), SarifMultitoolTest.validate(sarif));
    }

    private static long gzippedSize(Path file) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var gz = new java.util.zip.GZIPOutputStream(bytes)) {
            gz.write(Files.readAllBytes(file));
        }
        return bytes.size();
    }

    @Test
    void markdownSummarisesWithoutNamesAndCsvNamesEveryAffectedUser() throws IOException {
        Path md = dir.resolve("summary.md");
        Path csv = dir.resolve("users.csv");
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--markdown", md.toString(), "--csv", csv.toString());
        assertEquals(1, r.exit(), r.toString());
        String summary = Files.readString(md);
        assertTrue(summary.contains("| CIL004 | audience-without-mailbox |"), summary);
        assertTrue(summary.contains("❌"), summary);
        assertFalse(summary.contains("@contoso"), "no principal names in Markdown");
        List<String> rows = Files.readAllLines(csv);
        assertEquals("ruleId,level,exempt,agent,entity,file,line,userId,userPrincipalName,reason,fingerprint,message,asOf", rows.get(0));
        long cil004Rows = rows.stream().filter(l -> l.startsWith("CIL004,")).count();
        assertEquals(4 + 5, cil004Rows, "one row per affected user of each CIL004 finding");
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("CIL004,") && l.contains("@contoso") && l.contains("plan-disabled")));
    }

    @Test
    void exemptFindingsPassTheGateStayInJsonAndLeaveSarifUnlessIncluded() throws IOException {
        workspace("faq", "cr6b1_faq", "None", "MsTeams");
        Path policy = dir.resolve("policy.yaml");
        String expires = java.time.LocalDate.now().plusDays(30).toString();
        Files.writeString(policy, "exemptions:\n"
                + "  - { rule: CIL001, agent: cr6b1_faq, reason: public FAQ, approvedBy: sec, ticket: SEC-1, expires: " + expires + " }\n"
                + "  - { rule: CIL002, agent: cr6b1_faq, reason: public FAQ, approvedBy: sec, ticket: SEC-1, expires: " + expires + " }\n");
        Path json = dir.resolve("x.json");
        Path omitted = dir.resolve("omit.sarif");
        Cli r = Cli.run("scan", dir.resolve("snap").toString(), "-p", policy.toString(), "--json", json.toString(),
                "--sarif", omitted.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode findings = new ObjectMapper().readTree(json.toFile()).path("findings");
        assertEquals(2, findings.size());
        for (JsonNode f : findings) assertEquals("SEC-1", f.path("exemption").path("ticket").asText(), f.toString());
        assertEquals(0, new ObjectMapper().readTree(omitted.toFile()).path("runs").get(0).path("results").size());

        Path included = dir.resolve("include.sarif");
        Cli.run("scan", dir.resolve("snap").toString(), "-p", policy.toString(), "--sarif", included.toString(),
                "--sarif-exempted", "include");
        JsonNode results = new ObjectMapper().readTree(included.toFile()).path("runs").get(0).path("results");
        assertEquals(2, results.size());
        for (JsonNode res : results) {
            assertEquals("external", res.path("suppressions").get(0).path("kind").asText());
            assertEquals("public FAQ", res.path("suppressions").get(0).path("justification").asText());
        }
    }

    @Test
    void severalReportsInOneRunAndACategory() throws IOException {
        Path sarif = dir.resolve("a.sarif");
        Path json = dir.resolve("a.json");
        Cli r = Cli.run("scan", Cli.EXAMPLE.toString(), "--sarif", sarif.toString(), "--json", json.toString(),
                "--category", "tenant-contoso", "--format", "sarif", "--fail-on", "never");
        assertEquals(0, r.exit(), r.err());
        JsonNode run = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0);
        assertEquals("tenant-contoso/", run.path("automationDetails").path("id").asText());
        assertTrue(Files.size(json) > 0);
        assertEquals(new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results").size(),
                new ObjectMapper().readTree(r.out()).path("runs").get(0).path("results").size());
    }
}
