package io.trailcheck.engine.input;

import io.trailcheck.engine.directory.GroupDirectory;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What the readers accumulate while the snapshot's files stream past. */
final class Intake {
    final Policy policy;
    final Problems problems = new Problems();
    final List<AgentDraft> agents = new ArrayList<>();
    final UserDirectory.Builder users = new UserDirectory.Builder();
    final Map<String, Sku> skus = new HashMap<>();
    final GroupDirectory groups = new GroupDirectory();
    final List<InputFile> files = new ArrayList<>();
    boolean usersExported;
    boolean skusExported;
    final List<io.trailcheck.model.Telemetry> telemetry = new ArrayList<>();
    final List<ObservedInteraction> interactions = new ArrayList<>();
    final List<io.trailcheck.model.UnknownValue> unknownValues = new ArrayList<>();
    boolean telemetryExported;
    boolean interactionsExported;
    String tenantId;
    String tenantName;
    Boolean auditIngestion;
    SourceLocation auditIngestionLocation;
    Integer retentionDays;
    SourceLocation retentionLocation;
    boolean retentionExported;
    Boolean payAsYouGoAuditing;

    Intake(Policy policy) {
        this.policy = policy;
    }
}
