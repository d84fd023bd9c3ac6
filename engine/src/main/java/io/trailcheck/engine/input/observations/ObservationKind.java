package io.trailcheck.engine.input.observations;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * The audit and telemetry exports, recognised as inputs.md says: JSON ones by name, the Purview CSV by
 * its header wherever it lies (so this one reads the file's first line).
 */
public enum ObservationKind {
    AUDIT_CSV("Purview audit search export (CSV)"),
    AUDIT_RECORDS("audit records (auditRecords*.json)"),
    APP_INSIGHTS("Application Insights telemetry (appInsights*.json)"),
    CONVERSATION_TRANSCRIPTS("Dataverse conversation transcripts (conversationtranscripts*.json)");

    private final String description;

    ObservationKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public static Optional<ObservationKind> recognise(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) return PurviewAuditCsvReader.isAuditExport(file) ? Optional.of(AUDIT_CSV) : Optional.empty();
        if (!name.endsWith(".json")) return Optional.empty();
        if (name.startsWith("auditrecords")) return Optional.of(AUDIT_RECORDS);
        if (name.startsWith("appinsights")) return Optional.of(APP_INSIGHTS);
        if (name.startsWith("conversationtranscripts")) return Optional.of(CONVERSATION_TRANSCRIPTS);
        return Optional.empty();
    }
}
