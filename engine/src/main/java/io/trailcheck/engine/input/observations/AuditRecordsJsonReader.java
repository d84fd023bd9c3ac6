package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;

import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code auditRecords*.json}, in the three shapes people save, told apart record by record by how AuditData
 * comes: {@code Search-UnifiedAuditLog | ConvertTo-Json} objects ({@code AuditData} as JSON text), Graph
 * {@code security/auditLog/queries/{id}/records} pages ({@code auditData} as an object; one page, or an
 * array of pages), and Management Activity API content blobs (an array of AuditData records themselves).
 */
public final class AuditRecordsJsonReader {
    private final ObservationFiles files;

    public AuditRecordsJsonReader(ParseLimits limits) {
        this.files = new ObservationFiles(limits);
    }

    /** Reads every record, passing each CopilotInteraction record to {@code sink}; problems are added, never thrown. */
    public ObservationInventory read(Path file, Consumer<AuditRecord> sink, Problems problems) {
        ObservationInventory inventory = new ObservationInventory(file);
        if (io.trailcheck.engine.input.CollectionReader.isBlank(file)) return inventory; // ConvertTo-Json prints nothing when the search found nothing
        files.read(file, problems, context -> RecordReader.of(
                at -> new AuditRecordDraft(context, at),
                (draft, name, p) -> draft.field(FieldNames.lower(name), p),
                draft -> {
                    AuditRecord r = draft.finish(draft.jsonFormat(), inventory);
                    if (r != null) sink.accept(r);
                }));
        return inventory;
    }
}
