package io.trailcheck.engine.input;

import io.trailcheck.engine.directory.GroupDirectory;
import io.trailcheck.engine.directory.LicenceProfile;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.Tenant;
import io.trailcheck.model.UnknownValue;
import io.trailcheck.model.UnresolvedReference;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from a tenant snapshot, merged and resolved, ready to become facts.
 *
 * @param files               each recognised file and what it held
 * @param agents              agents, one per schema name
 * @param channels            every agent's channels
 * @param unknownValues       enum values no catalogue classifies
 * @param unresolved          SKUs referenced by licences but missing from subscribedSkus
 * @param conflicts           values two sources disagree on
 * @param tenant              tenant-wide settings
 * @param users               the user directory, when a users export was read
 * @param groups              groups and memberships
 * @param skus                subscribed SKUs by lower-case id
 * @param telemetry           Application Insights settings per agent; empty when not exported
 * @param interactions        observed conversations; empty when not exported
 * @param exported            which optional sections were present (telemetry, interactions, auditRetention)
 * @param skipped             symbolic links below the scanned folders that lead outside them, not followed
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
        List<io.trailcheck.model.Telemetry> telemetry,
        List<ObservedInteraction> interactions,
        java.util.Set<String> exported,
        List<java.nio.file.Path> skipped) {

    /** True when at least one file of the kind was read. */
    public boolean has(InputKind kind) {
        return files.stream().anyMatch(f -> f.kind() == kind);
    }

    static List<UnresolvedReference> missingSkus(UserDirectory.Builder users, Map<String, Sku> skus, boolean skusExported) {
        if (!skusExported) return List.of();
        Map<String, UnresolvedReference> missing = new java.util.TreeMap<>();
        for (LicenceProfile profile : users.profiles()) {
            if (!profile.isExported()) continue;
            profile.licences().stream().filter(l -> !skus.containsKey(l.skuId())).forEach(l ->
                    missing.computeIfAbsent(l.skuId(), id -> new UnresolvedReference("sku", id, "user",
                            1, users.firstHolder(profile))));
        }
        return List.copyOf(missing.values());
    }
}
