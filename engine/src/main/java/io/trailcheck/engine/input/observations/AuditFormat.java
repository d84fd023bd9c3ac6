package io.trailcheck.engine.input.observations;

/** The exports audit records are read from. */
public enum AuditFormat {
    PURVIEW_CSV("Purview portal audit search export (CSV)"),
    SEARCH_UNIFIED_AUDIT_LOG("Search-UnifiedAuditLog | ConvertTo-Json"),
    GRAPH_AUDIT_QUERY("Graph security/auditLog/queries/{id}/records"),
    MANAGEMENT_ACTIVITY_API("Office 365 Management Activity API content");

    private final String description;

    AuditFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
