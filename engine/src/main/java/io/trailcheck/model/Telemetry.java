package io.trailcheck.model;

/**
 * An agent's Application Insights settings.
 *
 * @param agent                  the agent's schema name
 * @param connectionStringSet    a connection string is configured
 * @param logActivities          "Log activities" is on
 * @param logSensitiveProperties "Log sensitive Activity properties" is on (message text is sent)
 * @param logNodeActions         "Log node actions" is on
 * @param location               where the settings are written
 */
public record Telemetry(String agent, boolean connectionStringSet, boolean logActivities,
                        boolean logSensitiveProperties, boolean logNodeActions, SourceLocation location) {

    /** Telemetry that records conversations: the compensating control for CIL001/CIL003. */
    public boolean isCompensating() {
        return connectionStringSet && logActivities;
    }
}
