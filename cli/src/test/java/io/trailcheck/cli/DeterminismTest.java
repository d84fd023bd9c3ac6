package io.trailcheck.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** The same inputs give byte-identical reports: there are no timestamps, and every collection is ordered. */
class DeterminismTest {
    @TempDir Path dir;

    @Test
    void twoRunsWriteIdenticalReports() throws IOException {
        for (String run : new String[]{"a", "b"}) {
            Cli.run("scan", Cli.EXAMPLE.toString(), "--source-root", Cli.REPO.toString(), "--fail-on", "never",
                    "--sarif", dir.resolve(run + ".sarif").toString(), "--json", dir.resolve(run + ".json").toString(),
                    "--csv", dir.resolve(run + ".csv").toString(), "--markdown", dir.resolve(run + ".md").toString(),
                    "--html", dir.resolve(run + ".html").toString());
        }
        for (String ext : new String[]{"sarif", "json", "csv", "md", "html"}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a." + ext)), Files.readAllBytes(dir.resolve("b." + ext)), ext);
        }
    }
}
