package io.trailcheck.engine.input.exchange;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;

/**
 * {@code Get-AdminAuditLogConfig | ConvertTo-Json} (Exchange Online PowerShell): the tenant's
 * {@code UnifiedAuditLogIngestionEnabled} switch, with the line it is on.
 */
public final class AuditConfigReader {
    private final GraphCollection collection;

    public AuditConfigReader(GraphCollection collection) {
        this.collection = collection;
    }

    /** The switch, or null (with a problem) when the file does not give it. */
    public AuditIngestionSection read(Path file, Problems problems) {
        JsonValues values = new JsonValues(file, problems);
        AuditIngestionSection[] read = {null};
        collection.read(file, RecordReader.of(at -> at, (SourceLocation record, String name, JsonParser p) -> {
            if (!name.equalsIgnoreCase("UnifiedAuditLogIngestionEnabled")) {
                JsonValues.skip(p);
                return;
            }
            SourceLocation at = JsonFiles.here(file, p);
            Boolean enabled = values.bool(p, name);
            if (enabled != null) read[0] = new AuditIngestionSection(enabled, at);
        }, record -> { }), problems);
        if (read[0] == null) {
            problems.add(io.trailcheck.engine.problem.Problem.inFile(file,
                    "no UnifiedAuditLogIngestionEnabled property: export it with Get-AdminAuditLogConfig | ConvertTo-Json"));
        }
        return read[0];
    }
}
