package io.trailcheck.engine.input.observations;

/** The exports observed conversations are read from. */
public enum ConversationFormat {
    APP_INSIGHTS_QUERY("az monitor app-insights query -o json (customEvents)"),
    LOG_ANALYTICS_EXPORT("Log Analytics workspace export (AppEvents or customEvents rows)"),
    DATAVERSE_TRANSCRIPTS("Dataverse conversationtranscripts");

    private final String description;

    ConversationFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
