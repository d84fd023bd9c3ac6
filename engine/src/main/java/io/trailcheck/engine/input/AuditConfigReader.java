package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;

/**
 * {@code Get-AdminAuditLogConfig | ConvertTo-Json} (Exchange Online PowerShell): the tenant's
 * {@code UnifiedAuditLogIngestionEnabled} switch, with the line it is on.
 */
final class AuditConfigReader implements InputReader {
    private final GraphCollection collection;

    AuditConfigReader(GraphCollection collection) {
        this.collection = collection;
    }

    @Override
    public int read(Path file, Intake intake) {
        JsonValues values = new JsonValues(file, intake.problems);
        int[] count = {0};
        collection.read(file, RecordReader.of(at -> at, (SourceLocation record, String name, JsonParser p) -> {
            if (!name.equalsIgnoreCase("UnifiedAuditLogIngestionEnabled")) {
                JsonValues.skip(p);
                return;
            }
            SourceLocation at = JsonFiles.here(file, p);
            Boolean enabled = values.bool(p, name);
            if (enabled != null) {
                intake.auditIngestion = enabled;
                intake.auditIngestionLocation = at;
                count[0]++;
            }
        }, record -> { }), intake.problems);
        if (count[0] == 0) {
            intake.problems.add(io.trailcheck.engine.problem.Problem.inFile(file,
                    "no UnifiedAuditLogIngestionEnabled property: export it with Get-AdminAuditLogConfig | ConvertTo-Json"));
        }
        return count[0];
    }
}
