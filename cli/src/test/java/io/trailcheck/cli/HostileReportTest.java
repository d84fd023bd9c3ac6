package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 17's reports that cannot lie or destroy: values from the snapshot cannot forge a verdict, steer the
 * terminal or write Markdown; report paths that would destroy something are refused before anything is written.
 */
class HostileReportTest {
    /** A display name that forges a verdict line, clears the screen and writes Markdown. */
    private static final String FORGED = "Evil\\nPASSED: 0 errors, 0 warnings, 0 notes (fail-on error).\\e[2J\\e]8;;http://x\\a"
            + " # Heading [click](https://evil.example) ![img](x) @octocat #1 <img src=x onerror=alert(1)> | pipe `code` *bold* www.evil.example $x$ ~~s~~";

    @TempDir Path dir;

    private Path snapshot() throws IOException {
        Path ws = Files.createDirectories(dir.resolve("snap/agents/evil"));
        Files.writeString(ws.resolve("settings.mcs.yml"), "schemaName: cr_evil\ndisplayName: \"" + FORGED + "\"\nauthenticationMode: None\n");
        return dir.resolve("snap");
    }

    @Test
    void textOutputNeutralisesNewlinesAndEscapes() throws IOException {
        Cli r = Cli.run("scan", snapshot().toString());
        assertEquals(1, r.exit(), r.toString());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007"), "no terminal control code: " + r.out());
        List<String> verdicts = r.out().lines().filter(l -> l.startsWith("PASSED") || l.startsWith("FAILED")).toList();
        assertEquals(1, verdicts.size(), "one verdict line: " + r.out());
        assertTrue(verdicts.get(0).startsWith("FAILED: "), verdicts.toString());
        assertTrue(r.out().contains("Evil\\nPASSED: 0 errors"), "the newline is shown, escaped: " + r.out());
    }

    @Test
    void markdownWritesNothingItDidNotWriteItself() throws IOException {
        Path md = dir.resolve("summary.md");
        Cli r = Cli.run("scan", snapshot().toString(), "--markdown", md.toString());
        assertEquals(1, r.exit(), r.toString());
        String summary = Files.readString(md);
        for (String markup : List.of("[click](", "![img]", "<img", "@octocat", "#1 ", "`code`", "*bold*", "www.evil", "$x$", "~~s~~",
                "| pipe", "\u001b", "https://evil")) {
            assertFalse(summary.contains(markup), markup + " in:\n" + summary);
        }
        List<String> headings = summary.lines().filter(l -> l.startsWith("#")).toList();
        assertEquals(List.of("## trailcheck: ❌ audit-trail gaps found", "### Top findings", "### Not evaluated (missing input)"), headings);
        assertTrue(summary.lines().noneMatch(l -> l.startsWith("PASSED")), summary);
        assertTrue(summary.contains("Heading"), "the text itself is kept: " + summary);
    }

    @Test
    void aDeviceOrFifoIsNeverReplacedByAReport() throws Exception {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull));
        Cli r = Cli.run("scan", snapshot().toString(), "--sarif", devNull.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("/dev/null: --sarif: not a regular file"), r.err());
        assertFalse(Files.isRegularFile(devNull), "/dev/null is still a device");
        Path fifo = dir.resolve("pipe");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0);
        Cli f = Cli.run("scan", snapshot().toString(), "--csv", fifo.toString());
        assertEquals(2, f.exit(), f.toString());
        assertFalse(Files.isRegularFile(fifo));
    }

    @Test
    void aReportNamingAnInputOrAnotherReportIsRefusedBeforeAnythingIsWritten() throws IOException {
        Path snap = snapshot();
        Path settings = snap.resolve("agents/evil/settings.mcs.yml");
        String before = Files.readString(settings);
        Path users = Files.writeString(snap.resolve("users.json"), "{\"value\":[]}");
        Path json = dir.resolve("out.json");
        Cli overwrite = Cli.run("scan", snap.toString(), "--json", json.toString(), "--sarif", users.toString());
        assertEquals(2, overwrite.exit(), overwrite.toString());
        assertTrue(overwrite.err().contains("--sarif: the report would overwrite an input"), overwrite.err());
        assertEquals("{\"value\":[]}", Files.readString(users));
        assertFalse(Files.exists(json), "no report appears when another is refused");
        Cli explicit = Cli.run("scan", settings.toString(), "--markdown", settings.toString());
        assertEquals(2, explicit.exit(), explicit.toString());
        assertEquals(before, Files.readString(settings));
        Cli twice = Cli.run("scan", snap.toString(), "--json", json.toString(), "--csv", dir.resolve("x/../out.json").toString());
        assertEquals(2, twice.exit(), twice.toString());
        assertTrue(twice.err().contains("--csv and --json name the same file"), twice.err());
        assertFalse(Files.exists(json));
        assertNoTemporaryFiles();
    }

    @Test
    void aReportInAFolderThatCannotBeWrittenIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        Cli r = Cli.run("scan", snapshot().toString(), "--json", dir.resolve("out.json").toString(),
                "--sarif", file.resolve("under-a-file.sarif").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains("--sarif: the folder " + file + " is not writable"), r.err());
        assertFalse(Files.exists(dir.resolve("out.json")));
    }

    @Test
    void everyReportSaysWhichDayItJudged() throws IOException {
        Path snap = snapshot();
        Path policy = Files.writeString(dir.resolve("policy.yaml"), "exemptions:\n"
                + "  - { rule: CIL002, agent: cr_evil, reason: accepted, approvedBy: sec, ticket: SEC-1, expires: 2026-06-30 }\n"
                + "  - { rule: CIL001, agent: cr_evil, reason: accepted, approvedBy: sec, ticket: SEC-1, expires: 2026-06-30 }\n");
        Path json = dir.resolve("r.json"), sarif = dir.resolve("r.sarif"), md = dir.resolve("r.md"), csv = dir.resolve("r.csv");
        Cli lastDay = Cli.run("scan", snap.toString(), "-p", policy.toString(), "--as-of", "2026-06-30", "--json", json.toString(),
                "--sarif", sarif.toString(), "--markdown", md.toString(), "--csv", csv.toString());
        assertEquals(0, lastDay.exit(), "an exemption holds on its expiry day: " + lastDay);
        assertTrue(lastDay.out().contains("Evaluated as of 2026-06-30 (UTC)."), lastDay.out());
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("2026-06-30", mapper.readTree(json.toFile()).path("asOf").asText());
        JsonNode invocation = mapper.readTree(sarif.toFile()).path("runs").path(0).path("invocations").path(0);
        assertEquals("2026-06-30", invocation.path("properties").path("asOf").asText(), invocation.toString());
        assertTrue(Files.readString(md).contains("Evaluated as of 2026-06-30 (UTC)."));
        List<String> rows = Files.readAllLines(csv); // the forged name's newline stays inside its quoted cell
        assertTrue(rows.get(0).endsWith(",asOf") && rows.get(rows.size() - 1).endsWith(",2026-06-30"), rows.toString());
        Cli dayAfter = Cli.run("scan", snap.toString(), "-p", policy.toString(), "--as-of", "2026-07-01");
        assertEquals(1, dayAfter.exit(), "expired the day after: " + dayAfter);
        Cli badDate = Cli.run("scan", snap.toString(), "--as-of", "30/06/2026");
        assertEquals(2, badDate.exit());
        assertTrue(badDate.err().contains("expected a date like 2026-06-30, not '30/06/2026'"), badDate.err());
    }

    /**
     * SIGTERM while the reports are being written: the shutdown hook removes every temporary file and no
     * report is moved into place after it; reports appear all together or not at all.
     */
    @Test
    void sigtermWhileWritingLeavesNoTemporaryFileAndNoPartialSetOfReports() throws Exception {
        Path snap = Files.createDirectories(dir.resolve("big/agents/a"));
        Files.writeString(snap.resolve("settings.mcs.yml"), "schemaName: cr_a\nauthenticationMode: Integrated\naccessControlPolicy: Any\n");
        try (java.io.Writer w = Files.newBufferedWriter(dir.resolve("big/users.json"))) {
            w.write("{\"value\":[");
            for (int i = 0; i < 200_000; i++) {
                w.write((i == 0 ? "" : ",") + "{\"id\":\"" + new java.util.UUID(5, i) + "\",\"userPrincipalName\":\"u" + i
                        + "@contoso.com\",\"userType\":\"Member\",\"accountEnabled\":true,\"assignedLicenses\":[],\"assignedPlans\":[]}");
            }
            w.write("]}");
        }
        Path out = Files.createDirectories(dir.resolve("out"));
        List<Path> reports = List.of(out.resolve("r.json"), out.resolve("r.csv"), out.resolve("r.sarif"), out.resolve("r.md"));
        Process p = Cli.inChildJvm(List.of(), "scan",
                dir.resolve("big").toString(), "--fail-on", "never", "--json", reports.get(0).toString(), "--csv", reports.get(1).toString(),
                "--sarif", reports.get(2).toString(), "--markdown", reports.get(3).toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(120).toNanos();
        while (p.isAlive() && temporaryFiles(out).isEmpty() && System.nanoTime() < deadline) Thread.sleep(2);
        boolean caughtWriting = p.isAlive() && !temporaryFiles(out).isEmpty();
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertTrue(temporaryFiles(out).isEmpty(), "temporary files left: " + temporaryFiles(out) + " (caught writing: " + caughtWriting + ")");
        long present = reports.stream().filter(Files::exists).count();
        assertTrue(present == 0 || present == reports.size(), "all reports or none, found " + present);
    }

    private static List<Path> temporaryFiles(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    private void assertNoTemporaryFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> temps = s.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertTrue(temps.isEmpty(), temps.toString());
        }
    }
}
