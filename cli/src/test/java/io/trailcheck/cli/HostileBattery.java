package io.trailcheck.cli;

import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** The hostile-input battery's shared steps: a snapshot folder, files in it, and the verdict "rejected". */
abstract class HostileBattery {
    @TempDir Path dir;

    Path snapshot() throws IOException {
        return Files.createDirectories(dir.resolve("snap"));
    }

    Path write(String name, String text) throws IOException {
        Path f = snapshot().resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    static void noTrace(Cli r) {
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("Error:"), "no trace: " + r);
    }

    /** Scans the snapshot asking for SARIF, JSON and HTML; asserts exit 2, no trace, no report; returns stderr. */
    String rejected(String... options) {
        Path sarif = dir.resolve("out.sarif");
        Path json = dir.resolve("out.json");
        Path html = dir.resolve("out.html");
        String[] args = new String[8 + options.length];
        String[] fixed = {"scan", dir.resolve("snap").toString(), "--sarif", sarif.toString(), "--json", json.toString(),
                "--html", html.toString()};
        System.arraycopy(fixed, 0, args, 0, fixed.length);
        System.arraycopy(options, 0, args, fixed.length, options.length);
        Cli r = assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> Cli.run(args));
        assertEquals(2, r.exit(), r.toString());
        noTrace(r);
        assertFalse(Files.exists(sarif) || Files.exists(json) || Files.exists(html), "no report on failure");
        return r.err();
    }
}
