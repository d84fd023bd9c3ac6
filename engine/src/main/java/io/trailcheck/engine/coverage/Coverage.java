package io.trailcheck.engine.coverage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The audit-trail picture of one scan, for people: per agent, how many of those who may chat with it
 * would leave a {@code CopilotInteraction} record and why the others would not, and which of its
 * channels are logged. Counts only, never users: it stays small for a million-user tenant.
 *
 * @param tenantId       the tenant id ("tenant" when no export names it)
 * @param tenantName     its display name, or null
 * @param auditIngestion the tenant-wide switch, which no agent setting overrides
 * @param evaluatedOn    the evaluation day (exemption expiry is counted from it)
 * @param channels       every channel any agent is published to, as first written, in case-insensitive order
 * @param agents         one entry per agent, in schema-name order
 */
public record Coverage(String tenantId, String tenantName, AuditIngestion auditIngestion, LocalDate evaluatedOn,
                       List<String> channels, List<AgentCoverage> agents) {

    public Coverage {
        channels = List.copyOf(channels);
        agents = List.copyOf(agents);
    }

    /** Whether the tenant records audit events at all. */
    public enum AuditIngestion {
        ENABLED, DISABLED, NOT_EXPORTED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** How an agent's audience is known. */
    public enum AudienceKind {
        /** every enabled user of the tenant */
        TENANT,
        /** the members of its authorised groups */
        GROUPS,
        /** no users export, or a group-restricted agent whose groups no input names */
        UNKNOWN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * One agent's coverage. When the audience is unknown, {@code people}, {@code recorded} and {@code unknown}
     * are null and {@code notRecorded} is empty.
     *
     * @param agent       schema name
     * @param displayName the name people see
     * @param audience    how the audience is known
     * @param people      everyone who may chat with it (members and guests)
     * @param recorded    those whose conversations would leave a record (on a logged channel)
     * @param unknown     those for whom it cannot be told (mailbox not derivable, channels unclassified)
     * @param notRecorded those who would leave none: reason → count, in reason order
     * @param channels    each channel the agent is published to → logged, not-logged or unknown
     */
    public record AgentCoverage(String agent, String displayName, AudienceKind audience, Integer people, Integer recorded,
                                Integer unknown, Map<String, Integer> notRecorded, Map<String, String> channels) {

        public AgentCoverage {
            notRecorded = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notRecorded));
            channels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(channels));
        }
    }
}
