package io.trailcheck.engine.input;

import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.Tenant;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tenant snapshot: discovers the recognised files below the given paths, streams each through its
 * reader, and resolves users, groups and agents into a {@link Snapshot}. Collects every problem before
 * failing, so one run shows them all.
 */
public final class SnapshotReader {
    private final Map<InputKind, InputReader> readers = new EnumMap<>(InputKind.class);

    public SnapshotReader(ParseLimits limits) {
        JsonFiles json = new JsonFiles(limits);
        GraphCollection collection = new GraphCollection(json);
        GraphSkusReader skus = new GraphSkusReader(collection);
        GraphUsersReader users = new GraphUsersReader(collection);
        YamlFiles yaml = new YamlFiles(limits);
        readers.put(InputKind.GRAPH_SKUS, skus);
        readers.put(InputKind.GRAPH_USERS, users);
        readers.put(InputKind.NATIVE, new NativeSnapshotReader(yaml, json, collection, users, skus));
        readers.put(InputKind.AUDIT_RETENTION, new AuditRetentionReader(collection));
        readers.put(InputKind.SOLUTION_BOT, new SolutionBotReader(json));
        readers.put(InputKind.GRAPH_GROUPS, new GraphGroupsReader(collection));
        readers.put(InputKind.GROUP_MEMBERS, new GroupMembersReader(collection));
        readers.put(InputKind.AUDIT_CONFIG, new AuditConfigReader(collection));
        readers.put(InputKind.WORKSPACE, new WorkspaceReader(yaml));
        readers.put(InputKind.DATAVERSE_BOTS, new DataverseBotsReader(collection, json));
    }

    /** Reads everything; throws {@link io.trailcheck.engine.problem.InputException} listing every problem. */
    public Snapshot read(List<Path> paths, Policy policy) {
        Intake intake = new Intake(policy);
        InputDiscovery discovery = new InputDiscovery();
        List<InputDiscovery.Found> found = discovery.discover(paths, intake.problems);
        if (found.isEmpty() && intake.problems.isEmpty()) {
            intake.problems.add(Problem.inFile(paths.isEmpty() ? Path.of(".") : paths.get(0),
                    "nothing recognised to scan: no settings.mcs.yml, bots.json, users*.json, subscribedSkus.json, "
                            + "groups*.json, group-members/*.json or adminAuditLogConfig.json below it"));
        }
        for (InputDiscovery.Found f : found) {
            int records = readGuarded(f, intake);
            intake.files.add(new InputFile(f.file(), f.kind(), records));
        }
        intake.problems.throwIfAny();
        return resolve(intake, discovery.skipped());
    }

    /** One file; memory or stack exhausted by it is reported naming the file (exit 4), never as a trace. */
    private int readGuarded(InputDiscovery.Found f, Intake intake) {
        try {
            return readers.get(f.kind()).read(f.file(), intake);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new io.trailcheck.engine.problem.ExhaustedException(f.file(), e);
        }
    }

    private static Snapshot resolve(Intake intake, List<Path> skipped) {
        AgentMerger merged = new AgentMerger(intake.agents, intake.problems);
        intake.problems.throwIfAny();
        var users = intake.usersExported
                ? Optional.of(intake.users.build(intake.skus, intake.skusExported)) : Optional.<io.trailcheck.engine.directory.UserDirectory>empty();
        Tenant tenant = new Tenant(intake.tenantId == null ? "tenant" : intake.tenantId, intake.tenantName,
                intake.auditIngestion, intake.auditIngestionLocation, retentionDays(intake), retentionLocation(intake));
        List<io.trailcheck.model.UnknownValue> unknown = new java.util.ArrayList<>(merged.unknownValues);
        unknown.addAll(intake.unknownValues);
        return new Snapshot(List.copyOf(intake.files), merged.agents, merged.channels, unknown,
                Snapshot.missingSkus(intake.users, intake.skus, intake.skusExported), merged.conflicts, tenant,
                users, intake.groups, Map.copyOf(intake.skus), List.copyOf(intake.telemetry),
                List.copyOf(intake.interactions), exported(intake), skipped);
    }

    /** Without a covering retention policy, CopilotInteraction records are kept the policy's default days. */
    private static Integer retentionDays(Intake intake) {
        if (!intake.retentionExported) return null;
        return intake.retentionDays != null ? intake.retentionDays
                : (Integer) intake.policy.rule("CIL007").params().getOrDefault("defaultRetentionDays", 180);
    }

    private static io.trailcheck.model.SourceLocation retentionLocation(Intake intake) {
        if (intake.retentionLocation != null) return intake.retentionLocation;
        return intake.files.stream().filter(f -> f.kind() == InputKind.AUDIT_RETENTION).findFirst()
                .map(f -> io.trailcheck.model.SourceLocation.startOf(f.file())).orElse(null);
    }

    private static java.util.Set<String> exported(Intake intake) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (intake.telemetryExported) out.add("telemetry");
        if (intake.interactionsExported) out.add("interactions");
        if (intake.retentionExported) out.add("auditRetention");
        return out;
    }
}
