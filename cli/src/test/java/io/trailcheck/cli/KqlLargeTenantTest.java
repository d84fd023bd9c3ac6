package io.trailcheck.cli;

import io.trailcheck.bench.TenantGenerator;
import io.trailcheck.bench.TenantShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A million-user tenant: the query stays within a Sentinel analytics rule's 10,000 characters and reads its
 * prediction from a file within the watchlist limits the README states (Azure Storage upload up to 500 MB,
 * 10 million items per workspace). Sizes only, no timing.
 */
class KqlLargeTenantTest {
    static final long WATCHLIST_STORAGE_UPLOAD_BYTES = 500L * 1024 * 1024;
    static final long WATCHLIST_ITEMS = 10_000_000;

    @TempDir Path dir;

    @Test
    void aMillionUsersGiveAQueryAndAPredictionFileWithinTheLimits() throws Exception {
        Path tenant = dir.resolve("tenant");
        new TenantGenerator(TenantShape.ofUsers(1_000_000, 42)).write(tenant);
        Path query = dir.resolve("q.kql");
        Cli run = Cli.run("kql", tenant.toString(), "--target", "sentinel", "--out", query.toString());
        assertEquals(0, run.exit(), run.toString());
        Path file = dir.resolve("q.prediction.csv");
        assertTrue(run.err().contains(file.toString()), run.err());
        assertTrue(Files.size(query) <= KqlCommand.MAX_RULE_QUERY_LENGTH, "query of " + Files.size(query) + " bytes");
        assertTrue(Files.size(file) <= WATCHLIST_STORAGE_UPLOAD_BYTES, "prediction file of " + Files.size(file) + " bytes");
        long users = 0;
        long rows = 0;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            assertEquals("Kind,Key,Channel,DisplayName,Cause", r.readLine());
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                rows++;
                if (line.startsWith("user,")) users++;
            }
        }
        assertTrue(rows <= WATCHLIST_ITEMS, rows + " rows");
        assertTrue(users > 100_000, "the generated tenant has many users without a mailbox: " + users);
        assertEquals(List.of(), KustoLanguage.analyse("sentinel", query).diagnostics());
        System.out.printf("1M-user tenant: query %d characters, prediction file %d bytes, %d rows (%d users)%n",
                Files.size(query), Files.size(file), rows, users);
        Files.delete(file);
        for (Path p : List.of(tenant)) deleteTree(p);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
