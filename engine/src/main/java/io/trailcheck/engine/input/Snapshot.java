package io.trailcheck.engine.input;

import io.trailcheck.engine.directory.GroupDirectory;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.observations.ObservedConversation;
import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.engine.input.observations.RecordKeys;
import io.trailcheck.engine.input.observations.TimeSpan;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.Telemetry;
import io.trailcheck.model.Tenant;
import io.trailcheck.model.UnknownValue;
import io.trailcheck.model.UnresolvedReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the snapshot's files say, merged: no policy has been applied to it.
 *
 * @param files         each recognised file and what it held
 * @param agents        agents, one per schema name
 * @param channels      every agent's channels
 * @param unknownValues enum values outside the authoring schema's
 * @param unresolved    SKUs referenced by licences but missing from subscribedSkus
 * @param conflicts     values two sources disagree on
 * @param tenant        tenant-wide settings
 * @param users         the user directory, when a users export was read
 * @param groups        groups and memberships
 * @param skus          subscribed SKUs by lower-case id
 * @param telemetry     Application Insights settings per agent; empty when not exported
 * @param interactions  observed conversations of the native format; empty when not exported
 * @param conversations conversations telemetry and transcripts show, each once
 * @param auditRecords  the CopilotInteraction records of the audit exports; null when none was read
 * @param agentAliases  each agent's other names (bot id, display name), lower case, to its schema name
 * @param sections      the input sections some file gave
 * @param sourceConflicts fields an agent's sources disagree on (CIL015); {@code conflicts} renders them
 * @param draftDifferences drafts that differ from the published configuration (CIL016)
 * @param triggers      event triggers that start agents with no signed-in person (CIL017)
 * @param notJudged     agents an export shows deleted or inactive, with why: not judged
 * @param skipped       symbolic links below the scanned folders that lead outside them, not followed
 */
public record Snapshot(
        List<InputFile> files,
        List<Agent> agents,
        List<AgentChannel> channels,
        List<UnknownValue> unknownValues,
        List<UnresolvedReference> unresolved,
        List<String> conflicts,
        Tenant tenant,
        Optional<UserDirectory> users,
        GroupDirectory groups,
        Map<String, Sku> skus,
        List<Telemetry> telemetry,
        List<ObservedInteraction> interactions,
        List<ObservedConversation> conversations,
        AuditRecords auditRecords,
        Map<String, String> agentAliases,
        Set<InputSection> sections,
        List<io.trailcheck.model.SourceConflict> sourceConflicts,
        List<io.trailcheck.model.DraftDifference> draftDifferences,
        List<io.trailcheck.model.AgentTrigger> triggers,
        List<io.trailcheck.engine.input.copilotstudio.SetAsideAgent> notJudged,
        List<java.nio.file.Path> skipped) {

    /**
     * The audit exports' CopilotInteraction records as keys, and the time they cover (every record's time,
     * of any operation): a conversation outside it is not evaluated.
     */
    public record AuditRecords(RecordKeys keys, TimeSpan coverage) {}

    public boolean has(InputSection section) {
        return sections.contains(section);
    }
}
