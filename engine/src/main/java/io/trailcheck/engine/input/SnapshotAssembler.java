package io.trailcheck.engine.input;

import io.trailcheck.engine.directory.GroupDirectory;
import io.trailcheck.engine.directory.LicenceProfile;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.copilotstudio.AgentDraft;
import io.trailcheck.engine.input.copilotstudio.AgentMerger;
import io.trailcheck.engine.input.copilotstudio.AgentsSection;
import io.trailcheck.engine.input.exchange.AuditIngestionSection;
import io.trailcheck.engine.input.exchange.RetentionSection;
import io.trailcheck.engine.input.graph.GraphGroupsReader;
import io.trailcheck.engine.input.graph.GroupRecord;
import io.trailcheck.engine.input.graph.GroupsSection;
import io.trailcheck.engine.input.graph.MemberRef;
import io.trailcheck.engine.input.graph.SkusSection;
import io.trailcheck.engine.input.graph.UsersSection;
import io.trailcheck.engine.input.nativeformat.NativeGroupsSection;
import io.trailcheck.engine.input.nativeformat.TenantSection;
import io.trailcheck.engine.input.observations.AuditRecordsSection;
import io.trailcheck.engine.input.observations.ConversationsSection;
import io.trailcheck.engine.input.observations.DistinctConversations;
import io.trailcheck.engine.input.observations.InteractionsSection;
import io.trailcheck.engine.input.observations.ObservedConversation;
import io.trailcheck.engine.input.observations.RecordKeys;
import io.trailcheck.engine.input.observations.TimeSpan;
import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.engine.input.observations.TelemetrySection;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.Telemetry;
import io.trailcheck.model.Tenant;
import io.trailcheck.model.UnknownValue;
import io.trailcheck.model.UnresolvedReference;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/** Merges the sections every file gave, in reading order, into one {@link Snapshot}. */
final class SnapshotAssembler {
    private final Problems problems;
    private final Set<InputSection> present = EnumSet.noneOf(InputSection.class);
    private final List<AgentDraft> agents = new ArrayList<>();
    private final List<UserDirectory.Builder> userChunks = new ArrayList<>();
    private final Map<String, Sku> skus = new HashMap<>();
    private final List<GroupRecord> groups = new ArrayList<>();
    private final List<NativeGroupsSection.NativeGroup> nativeGroups = new ArrayList<>();
    private final List<Telemetry> telemetry = new ArrayList<>();
    private final List<ObservedInteraction> interactions = new ArrayList<>();
    private final List<UnknownValue> unknownValues = new ArrayList<>();
    private final List<ObservedConversation> conversations = new ArrayList<>();
    private final DistinctConversations distinct = new DistinctConversations();
    private final RecordKeys auditKeys = new RecordKeys();
    private final TimeSpan auditCoverage = new TimeSpan();
    private TenantSection tenant;
    private AuditIngestionSection ingestion;
    private RetentionSection retention;
    private UserDirectory users;

    SnapshotAssembler(Problems problems) {
        this.problems = problems;
    }

    void addAll(List<Section> sections) {
        sections.forEach(this::add);
    }

    private void add(Section s) {
        present.add(s.section());
        if (s instanceof AgentsSection a) agents.addAll(a.agents());
        else if (s instanceof UsersSection u) userChunks.add(u.users());
        else if (s instanceof SkusSection k) k.skus().forEach(sku -> skus.put(sku.skuId(), sku));
        else if (s instanceof GroupsSection g) groups.addAll(g.groups());
        else if (s instanceof NativeGroupsSection g) nativeGroups.addAll(g.groups());
        else if (s instanceof TenantSection t) tenant = t;
        // A later file wins, as a later export of the same setting supersedes an earlier one.
        else if (s instanceof AuditIngestionSection i) ingestion = i;
        else if (s instanceof RetentionSection r) addRetention(r);
        else if (s instanceof TelemetrySection t) telemetry.addAll(t.telemetry());
        else if (s instanceof InteractionsSection i) interactions.addAll(i.interactions());
        else if (s instanceof ConversationsSection c) addConversations(c);
        else if (s instanceof AuditRecordsSection a) {
            auditKeys.addAll(a.keys());
            auditCoverage.include(a.inventory().span());
        }
        else throw new IllegalArgumentException("no place for " + s.getClass().getSimpleName());
    }

    /** A conversation two sources show (telemetry and its transcript) is counted once, where first read. */
    private void addConversations(ConversationsSection c) {
        for (ObservedConversation o : c.conversations()) if (distinct.first(o.conversationId())) conversations.add(o);
    }

    /** A later retention export decides, unless no policy of it covers Copilot records and an earlier one does. */
    private void addRetention(RetentionSection r) {
        if (r.days() != null || retention == null || retention.days() == null) retention = r;
        unknownValues.addAll(r.unknown());
    }

    /** The users of every users export read so far, as one directory; each user met twice is a problem. */
    UserDirectory users() {
        if (users == null) {
            users = UserDirectory.merge(userChunks, (id, again, first) -> problems.add(new Problem(again.file(), again.line(),
                    again.column(), "duplicate user id " + id + " (each user may appear once across all users*.json files; "
                    + "first at " + first + ")")));
        }
        return users;
    }

    Snapshot snapshot(List<InputFile> files, List<java.nio.file.Path> skipped) {
        AgentMerger merged = new AgentMerger(agents);
        List<UnknownValue> unknown = new ArrayList<>(merged.unknownValues());
        unknown.addAll(unknownValues);
        Optional<UserDirectory> directory = present.contains(InputSection.USERS) ? Optional.of(users()) : Optional.empty();
        return new Snapshot(List.copyOf(files), merged.agents(), merged.channels(), unknown,
                missingSkus(directory), merged.conflicts().stream().map(io.trailcheck.model.SourceConflict::describe).toList(),
                tenant(), directory, groupDirectory(), Map.copyOf(skus),
                List.copyOf(telemetry), List.copyOf(interactions), List.copyOf(conversations),
                present.contains(InputSection.AUDIT_RECORDS) ? new Snapshot.AuditRecords(auditKeys, auditCoverage) : null,
                aliases(merged), Set.copyOf(present), List.copyOf(merged.conflicts()), List.copyOf(merged.differences()),
                List.copyOf(merged.triggers()), List.copyOf(merged.setAside()), List.copyOf(skipped));
    }

    /** Each agent's other names (bot id, display name), lower case, to its schema name. */
    private Map<String, String> aliases(AgentMerger merged) {
        Map<String, String> schemaByKey = new HashMap<>();
        merged.agents().forEach(a -> schemaByKey.put(a.schemaName().toLowerCase(java.util.Locale.ROOT), a.schemaName()));
        Map<String, String> out = new HashMap<>();
        for (AgentDraft d : agents) {
            String schema = schemaByKey.get(d.get(io.trailcheck.engine.input.copilotstudio.AgentFields.SCHEMA_NAME)
                    .toLowerCase(java.util.Locale.ROOT));
            if (schema != null) d.aliases().forEach(alias -> out.putIfAbsent(alias, schema));
        }
        return Map.copyOf(out);
    }

    private Tenant tenant() {
        String id = tenant == null || tenant.id() == null ? "tenant" : tenant.id();
        return new Tenant(id, tenant == null ? null : tenant.name(),
                ingestion == null ? null : ingestion.enabled(), ingestion == null ? null : ingestion.location(),
                retention == null ? null : retention.days(), retention == null ? null : retention.location(),
                tenant == null ? null : tenant.payAsYouGoAuditing());
    }

    private GroupDirectory groupDirectory() {
        GroupDirectory directory = new GroupDirectory();
        for (GroupRecord g : groups) {
            if (g.transitive()) directory.setTransitiveMembers(g.id(), g.users(), g.location());
            else directory.addGroup(g.id(), g.displayName(), g.location(), g.users(), g.nestedGroups(), g.membersGiven());
        }
        for (NativeGroupsSection.NativeGroup g : nativeGroups) {
            GraphGroupsReader.Members members = new GraphGroupsReader.Members(users());
            g.members().forEach(m -> members.add(new MemberRef(m, null)));
            directory.setTransitiveMembers(g.id(), members.users(), g.location());
        }
        return directory;
    }

    /** Licence SKUs users hold that subscribedSkus does not list: CIL012, at the first holder. */
    private List<UnresolvedReference> missingSkus(Optional<UserDirectory> directory) {
        if (directory.isEmpty() || !present.contains(InputSection.SKUS)) return List.of();
        Map<String, UnresolvedReference> missing = new TreeMap<>();
        directory.get().forEachLicenceProfile((LicenceProfile profile, SourceLocation firstHolder) -> {
            if (!profile.isExported()) return;
            profile.licences().stream().filter(l -> !skus.containsKey(l.skuId())).forEach(l -> missing.merge(l.skuId(),
                    new UnresolvedReference("sku", l.skuId(), "user", 1, firstHolder),
                    (a, b) -> a.location().compareTo(b.location()) <= 0 ? a : b));
        });
        return List.copyOf(missing.values());
    }
}
