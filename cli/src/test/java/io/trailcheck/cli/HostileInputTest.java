package io.trailcheck.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Broken and malicious inputs: each gives the documented exit code and a located message, never a stack
 * trace, a hang, or a report file.
 */
class HostileInputTest extends HostileBattery {
    @Test
    void truncatedJson() throws IOException {
        Path f = write("users.json", "{\"value\":[{\"id\":\"a\",\"accountEnabled\":true},\n{\"id\":\"b\",");
        assertTrue(rejected().startsWith(f + ":2:"));
    }

    @Test
    void wrongTypes() throws IOException {
        Path f = write("users.json", "{\"value\":[\n{\"id\":\"a\",\"accountEnabled\":\"sometimes\",\"assignedLicenses\":{\"skuId\":1}}]}");
        String err = rejected();
        assertTrue(err.contains(f + ":2:"), err);
        assertTrue(err.contains("\"accountEnabled\": expected true or false, found the string \"sometimes\""), err);
        assertTrue(err.contains("\"assignedLicenses\": expected an array of objects, found an object"), err);
    }

    @Test
    void invalidUtf8InJsonAndYaml() throws IOException {
        Path json = snapshot().resolve("users.json");
        Files.write(json, concat("{\"value\":[{\"id\":\"", new byte[]{(byte) 0xC3, (byte) 0x28}, "\"}]}"));
        Path yaml = Files.createDirectories(snapshot().resolve("agents/a")).resolve("settings.mcs.yml");
        Files.write(yaml, concat("schemaName: a\ndisplayName: ", new byte[]{(byte) 0xFF, (byte) 0xFE}, "\n"));
        String err = rejected();
        assertTrue(err.contains(json + ":1:"), err);
        assertTrue(err.contains(yaml + ":2:"), err);
        assertTrue(err.contains("UTF-8"), err);
    }

    @Test
    void byteOrderMarksAreAccepted() throws IOException {
        Path ws = Files.createDirectories(snapshot().resolve("agents/a"));
        Files.write(ws.resolve("settings.mcs.yml"), concat("\uFEFF".getBytes(StandardCharsets.UTF_8),
                "schemaName: cr_a\nauthenticationMode: None\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(snapshot().resolve("adminAuditLogConfig.json"), concat("\uFEFF".getBytes(StandardCharsets.UTF_8),
                "{\"UnifiedAuditLogIngestionEnabled\": true}".getBytes(StandardCharsets.UTF_8)));
        Cli r = Cli.run("scan", snapshot().toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), r.toString());
        assertTrue(r.out().contains("CIL001"), r.out());
    }

    @Test
    void duplicateUserIdsAcrossFiles() throws IOException {
        write("users-1.json", "{\"value\":[{\"id\":\"00000000-0000-0000-0000-000000000001\"}]}");
        Path second = write("users-2.json", "{\"value\":[\n{\"id\":\"00000000-0000-0000-0000-000000000001\"}]}");
        String err = rejected();
        assertTrue(err.contains(second + ":2:1: duplicate user id 00000000-0000-0000-0000-000000000001"), err);
    }

    @Test
    void duplicateKeysInJsonAndYaml() throws IOException {
        Path json = write("adminAuditLogConfig.json", "{\"UnifiedAuditLogIngestionEnabled\": true,\n \"UnifiedAuditLogIngestionEnabled\": false}");
        Path yaml = write("agents/a/settings.mcs.yml", "schemaName: a\nauthenticationMode: None\nauthenticationMode: Integrated\n");
        String err = rejected();
        assertTrue(err.contains(json + ":2:") && err.contains("Duplicate field 'UnifiedAuditLogIngestionEnabled'"), err);
        assertTrue(err.contains(yaml + ":3:1: duplicate key \"authenticationMode\""), err);
    }

    @Test
    void deeplyNestedDocuments() throws IOException {
        write("users.json", "{\"value\":[{\"id\":\"a\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}]}");
        write("agents/a/settings.mcs.yml", "schemaName: a\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
        String err = rejected();
        assertTrue(err.contains("users.json:1:") && err.contains("nesting depth"), err);
        assertTrue(err.contains("settings.mcs.yml:2:") && err.contains("nested deeper than 200 levels"), err);
        Cli raised = Cli.run("validate", snapshot().resolve("users.json").toString(), "--max-nesting-depth", "6000");
        assertEquals(0, raised.exit(), "a raised limit accepts it: " + raised.err());
    }

    @Test
    void enormousStrings() throws IOException {
        Path f = snapshot().resolve("users.json");
        try (var w = Files.newBufferedWriter(f)) {
            w.write("{\"value\":[{\"id\":\"");
            char[] chunk = new char[1 << 20];
            java.util.Arrays.fill(chunk, 'a');
            for (int i = 0; i < 12; i++) w.write(chunk);
            w.write("\"}]}");
        }
        String err = rejected();
        assertTrue(err.contains(f + ":1:") && err.contains("String value length"), err);
        Cli raised = Cli.run("scan", snapshot().toString(), "--max-string-length", "20000000", "--fail-on", "never");
        assertEquals(0, raised.exit(), "a raised limit accepts it: " + raised.err());
    }

    @Test
    void yamlAliasBombInANativeSnapshotIsStoppedBeforeExpansion() throws IOException {
        StringBuilder y = new StringBuilder("agents:\n  - schemaName: bomb\n    channels: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\nx:\n");
        char prev = 'a';
        for (char c = 'b'; c <= 'j'; c++) {
            y.append("  ").append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append(prev);
            y.append("]\n");
            prev = c;
        }
        Path f = write("bomb.trailcheck.yaml", y.toString());
        String err = rejected();
        assertTrue(err.contains(f + ":1:1: YAML aliases expand the document"), err);
    }

    @Test
    void yamlAliasBomb() throws IOException {
        StringBuilder y = new StringBuilder("schemaName: bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'p'; c++) {
            y.append(c).append(": &").append(c).append(" [");
            for (int i = 0; i < 9; i++) y.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
            y.append("]\n");
        }
        Path f = write("agents/bomb/settings.mcs.yml", y.toString());
        String err = rejected();
        assertTrue(err.contains(f + ":") && err.toLowerCase().contains("alias"), err);
    }

    @Test
    void yamlTagsThatTryToConstructJavaObjects() throws IOException {
        Path f = write("x.trailcheck.yaml", "agents:\n  - schemaName: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\n");
        String err = rejected();
        assertTrue(err.contains(f + ":2:") && err.contains("tag is not allowed"), err);
    }

    @Test
    void aTwoGigabyteFileFailsFastWithoutBeingRead() throws IOException {
        Path f = snapshot().resolve("users.json");
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(2L * 1024 * 1024 * 1024); // sparse: 2 GiB of NUL bytes
        }
        Path y = snapshot().resolve("big.trailcheck.yaml");
        try (RandomAccessFile raf = new RandomAccessFile(y.toFile(), "rw")) {
            raf.write("agents: []\n".getBytes(StandardCharsets.UTF_8));
            raf.setLength(2L * 1024 * 1024 * 1024);
        }
        String err = rejected();
        assertTrue(err.contains(f + ":1:") && err.contains("malformed JSON"), err);
        assertTrue(err.contains(y + ":2:1: malformed YAML: character U+0000 is not allowed"), err);
    }

    @Test
    void anEmptyFolderAndAFolderWithNothingRecognised() throws IOException {
        snapshot();
        assertTrue(rejected().contains("nothing recognised to scan"));
        write("notes.txt", "hello");
        write("data.json", "{}");
        assertTrue(rejected().contains("nothing recognised to scan"));
    }

    @Test
    void emptyFiles() throws IOException {
        Path json = write("users.json", "");
        Path yaml = write("agents/a/settings.mcs.yml", "");
        String err = rejected();
        assertTrue(err.contains(json + ": the file is empty"), err);
        assertTrue(err.contains(yaml + ": the file is empty"), err);
    }

    @Test
    void unreadableFilesAndBrokenLinks() throws IOException {
        Files.createSymbolicLink(snapshot().resolve("users.json"), dir.resolve("missing.json"));
        String err = rejected();
        assertTrue(err.contains("users.json: cannot read: broken symbolic link"), err);
    }

    @Test
    void unreadableFileForAnOrdinaryUser() throws IOException {
        assumeFalse("root".equals(System.getProperty("user.name")), "root reads any file");
        Path f = write("users.json", "{\"value\":[]}");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("---------"));
        assertTrue(rejected().contains(f + ": cannot read"));
    }

    @Test
    void symlinkLoops() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: a\n");
        Files.createSymbolicLink(snapshot().resolve("agents/a/loop"), snapshot().resolve("agents"));
        Cli r = Cli.run("scan", snapshot().toString(), "--fail-on", "never");
        assertEquals(0, r.exit(), "a link to a folder inside the snapshot is not followed (it is scanned where it is): " + r);
        Files.createSymbolicLink(snapshot().resolve("users.json"), snapshot().resolve("users.json"));
        assertTrue(rejected().contains("users.json: symbolic link loop; not followed"));
    }

    @Test
    void invalidPolicyIsLocated() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: a\nauthenticationMode: Integrated\n");
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "rules:\n  CIL999: { level: error }\n  CIL005: { level: fatal }\nexemptions:\n  - rule: CIL001\n    agent: a\n    expires: 2027-01-01\n"
                + "  - rule: CIL001\n    agent: a\n    reason: accepted for a decade\n    expires: 2036-01-01\n");
        Cli r = Cli.run("scan", snapshot().toString(), "--policy", policy.toString());
        assertEquals(2, r.exit(), r.toString());
        for (String expected : List.of(policy + ":2:11: unknown rule id \"CIL999\"", policy + ":3:20: rules.CIL005.level: expected error, warning or note",
                "exemption: \"reason\" is required", "more than exemptionMaxDays (365) ahead")) {
            assertTrue(r.err().contains(expected), expected + " in:\n" + r.err());
        }
    }

    @Test
    void nonexistentPathAndBadOption() {
        Cli r = Cli.run("scan", dir.resolve("nope").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("nope: no such file or folder"), r.err());
        assertEquals(2, Cli.run("scan", "--format", "xml").exit());
    }

    private static byte[] concat(String a, byte[] b, String c) {
        return concat(concat(a.getBytes(StandardCharsets.UTF_8), b), c.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
