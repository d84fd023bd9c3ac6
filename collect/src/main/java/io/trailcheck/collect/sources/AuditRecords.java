package io.trailcheck.collect.sources;

import io.trailcheck.collect.CollectException;
import io.trailcheck.collect.Text;
import io.trailcheck.collect.files.AtomicFile;
import io.trailcheck.collect.files.SnapshotLayout;
import io.trailcheck.collect.http.Call;
import io.trailcheck.collect.http.Http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * {@code audit/auditRecords-N.json}: the {@code CopilotInteraction} records of the last days, through the Purview
 * audit search API (learn.microsoft.com/graph/api/resources/security-auditlogquery): create a query, poll it
 * until it has succeeded, then save its {@code records} pages. The query id is kept in
 * {@code audit/.auditLogQuery-id} so a rerun pages the same query instead of starting another.
 */
public final class AuditRecords {
    public static final String PERMISSION = "AuditLogsQuery.Read.All (application)";
    private static final JsonFactory JSON = new JsonFactory();

    private final Http http;
    private final URI graphRoot;
    private final String scope;
    private final SnapshotLayout layout;
    private final Duration poll;

    public AuditRecords(Http http, URI graphRoot, String scope, SnapshotLayout layout, Duration poll) {
        this.http = http;
        this.graphRoot = graphRoot;
        this.scope = scope;
        this.layout = layout;
        this.poll = poll;
    }

    public ChainedPages.Outcome collect(int days, Instant now) {
        String id = queryId(days, now);
        waitForQuery(id);
        URI records = URI.create(graphRoot + "/security/auditLog/queries/" + id + "/records");
        return new ChainedPages(http).collect(Call.get(records, scope, "Purview audit records", PERMISSION),
                layout.audit(), "auditRecords");
    }

    private String queryId(int days, Instant now) {
        Path saved = layout.audit().resolve(".auditLogQuery-id");
        try {
            if (Files.exists(saved)) return Files.readString(saved).trim();
        } catch (IOException e) {
            throw new CollectException("cannot read " + saved + ": " + e.getMessage(), e);
        }
        Instant end = now.truncatedTo(ChronoUnit.SECONDS);
        String body = "{\"displayName\":\"trailcheck collect " + end + "\","
                + "\"filterStartDateTime\":\"" + end.minus(Duration.ofDays(days)) + "\","
                + "\"filterEndDateTime\":\"" + end + "\","
                + "\"recordTypeFilters\":[\"copilotInteraction\"]}";
        Path part = AtomicFile.prepare(saved.resolveSibling("auditLogQuery.json"));
        try {
            http.send(Call.post(URI.create(graphRoot + "/security/auditLog/queries"), scope, body,
                    "Purview audit search (create query)", PERMISSION), part);
            String id = field(part, "id");
            if (id == null) throw new CollectException("Purview audit search: the created query has no id");
            AtomicFile.writeString(saved, id);
            return id;
        } finally {
            AtomicFile.discard(part);
        }
    }

    private void waitForQuery(String id) {
        URI uri = URI.create(graphRoot + "/security/auditLog/queries/" + id);
        Path part = AtomicFile.prepare(layout.audit().resolve("auditLogQuery.json"));
        try {
            while (true) {
                http.send(Call.get(uri, scope, "Purview audit search (query status)", PERMISSION), part);
                String status = field(part, "status");
                if ("succeeded".equalsIgnoreCase(status)) return;
                if ("failed".equalsIgnoreCase(status) || "cancelled".equalsIgnoreCase(status)) {
                    throw new CollectException("Purview audit search: the query " + Text.printable(id) + " " + Text.printable(status)
                            + "; delete " + layout.audit().resolve(".auditLogQuery-id") + " to start a new one");
                }
                Http.pause(poll);
            }
        } finally {
            AtomicFile.discard(part);
        }
    }

    private static String field(Path file, String name) {
        try (JsonParser p = JSON.createParser(file.toFile())) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String f = p.currentName();
                JsonToken t = p.nextToken();
                if (f.equals(name) && t == JsonToken.VALUE_STRING) return p.getText();
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new CollectException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
