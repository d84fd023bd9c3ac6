package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.model.AccessControlPolicy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.AuthenticationTrigger;
import io.trailcheck.model.CodedValue;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.UnknownValue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Merges the drafts of one agent from several sources (matched by schema name) into one {@link Agent}. The
 * source-controlled file (workspace, solution) is the reported location and wins; a value another source
 * contradicts is reported as a conflict rather than silently merged.
 */
public final class AgentMerger {
    private static final List<String> FIELDS = List.of(AgentFields.DISPLAY_NAME, AgentFields.AUTHENTICATION_MODE,
            AgentFields.AUTHENTICATION_TRIGGER, AgentFields.ACCESS_CONTROL_POLICY);

    private final List<Agent> agents = new ArrayList<>();
    private final List<AgentChannel> channels = new ArrayList<>();
    private final List<UnknownValue> unknownValues = new ArrayList<>();
    private final List<String> conflicts = new ArrayList<>();

    public List<Agent> agents() {
        return agents;
    }

    public List<AgentChannel> channels() {
        return channels;
    }

    /** Enum values no catalogue of the authoring schema knows. */
    public List<UnknownValue> unknownValues() {
        return unknownValues;
    }

    public List<String> conflicts() {
        return conflicts;
    }

    public AgentMerger(List<AgentDraft> drafts, io.trailcheck.engine.problem.Problems problems) {
        Map<String, List<AgentDraft>> bySchema = new LinkedHashMap<>();
        for (AgentDraft d : drafts) {
            bySchema.computeIfAbsent(d.get(AgentFields.SCHEMA_NAME).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
        for (List<AgentDraft> sources : bySchema.values()) {
            if (reportDuplicates(sources, problems)) continue;
            merge(sources);
        }
        agents.sort(Comparator.comparing(Agent::schemaName));
    }

    /**
     * One agent may come from several sources, but not twice from one file, nor from two source-controlled
     * files: which would be reported is ambiguous, so the export is refused.
     */
    private static boolean reportDuplicates(List<AgentDraft> sources, io.trailcheck.engine.problem.Problems problems) {
        boolean duplicate = false;
        for (int i = 0; i < sources.size(); i++) {
            for (int j = 0; j < i; j++) {
                AgentDraft a = sources.get(j), b = sources.get(i);
                if (a.file.equals(b.file) || (a.sourceControlled && b.sourceControlled)) {
                    AgentDraft later = a.location.compareTo(b.location) < 0 ? b : a;
                    AgentDraft earlier = later == a ? b : a;
                    problems.add(new io.trailcheck.engine.problem.Problem(later.file, later.location.line(), later.location.column(),
                            "duplicate agent " + later.get(AgentFields.SCHEMA_NAME) + ": also defined at " + earlier.location
                                    + " (schema names match without regard to case)"));
                    duplicate = true;
                }
            }
        }
        return duplicate;
    }

    private void merge(List<AgentDraft> sources) {
        sources.sort(Comparator.comparing((AgentDraft d) -> !d.sourceControlled).thenComparing(d -> d.file.toString()));
        AgentDraft primary = sources.get(0);
        String schema = primary.get(AgentFields.SCHEMA_NAME);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        for (String field : FIELDS) pick(schema, field, sources, values, locations);

        AgentDraft groupSource = firstGiving(sources, d -> d.authorizedGroupIds, schema, AgentFields.AUTHORIZED_GROUPS);
        List<String> groups = groupSource == null ? null : groupSource.authorizedGroupIds;
        if (groupSource != null) locations.put(AgentFields.AUTHORIZED_GROUPS, groupSource.locations.get(AgentFields.AUTHORIZED_GROUPS));
        AgentDraft channelSource = firstGiving(sources, d -> d.channels == null ? null
                : d.channels.stream().map(AgentDraft.ChannelDraft::channelId).toList(), schema, AgentFields.CHANNELS);
        List<AgentDraft.ChannelDraft> channelDrafts = channelSource == null ? null : channelSource.channels;
        Agent agent = new Agent(schema,
                values.getOrDefault(AgentFields.DISPLAY_NAME, schema),
                coded(AuthenticationMode.class, schema, AgentFields.AUTHENTICATION_MODE, values, locations, AuthenticationMode.UNSPECIFIED),
                coded(AuthenticationTrigger.class, schema, AgentFields.AUTHENTICATION_TRIGGER, values, locations, AuthenticationTrigger.AS_NEEDED),
                coded(AccessControlPolicy.class, schema, AgentFields.ACCESS_CONTROL_POLICY, values, locations, AccessControlPolicy.ANY),
                groups, primary.location, locations);
        agents.add(agent);
        if (channelDrafts != null) {
            java.util.Set<String> seen = new java.util.HashSet<>();
            for (AgentDraft.ChannelDraft c : channelDrafts) {
                if (seen.add(c.channelId().toLowerCase(Locale.ROOT))) channels.add(new AgentChannel(schema, c.channelId(), c.location()));
            }
        }
    }

    /**
     * The first source (in priority order) that gives a list; a later source giving a different set is
     * reported as a conflict. Lists compare as sets, ignoring case.
     */
    private AgentDraft firstGiving(List<AgentDraft> sources, java.util.function.Function<AgentDraft, List<String>> list,
                                   String schema, String field) {
        AgentDraft chosen = null;
        for (AgentDraft d : sources) {
            List<String> values = list.apply(d);
            if (values == null) continue;
            if (chosen == null) {
                chosen = d;
            } else if (!asSet(values).equals(asSet(list.apply(chosen)))) {
                conflicts.add(schema + ": " + field + " are " + list.apply(chosen) + " in " + chosen.file + " but " + values
                        + " in " + d.file + "; using " + list.apply(chosen));
            }
        }
        return chosen;
    }

    private static java.util.Set<String> asSet(List<String> values) {
        java.util.Set<String> set = new java.util.TreeSet<>();
        values.forEach(v -> set.add(v.toLowerCase(Locale.ROOT)));
        return set;
    }

    private void pick(String schema, String field, List<AgentDraft> sources, Map<String, String> values,
                      Map<String, SourceLocation> locations) {
        AgentDraft chosen = null;
        for (AgentDraft d : sources) {
            String v = d.get(field);
            if (v == null) continue;
            if (chosen == null) {
                chosen = d;
            } else if (!sameValue(field, chosen.get(field), v)) {
                conflicts.add(schema + ": " + field + " is " + chosen.get(field) + " in " + chosen.locations.get(field)
                        + " but " + v + " in " + d.locations.get(field) + "; using " + chosen.get(field));
            }
        }
        if (chosen != null) {
            values.put(field, chosen.get(field));
            locations.put(field, chosen.locations.get(field));
        }
    }

    /** Labels and picklist integers of the same value are not a conflict; two different unknown values are. */
    private static boolean sameValue(String field, String a, String b) {
        return switch (field) {
            case AgentFields.AUTHENTICATION_MODE -> sameCoded(AuthenticationMode.class, a, b);
            case AgentFields.AUTHENTICATION_TRIGGER -> sameCoded(AuthenticationTrigger.class, a, b);
            case AgentFields.ACCESS_CONTROL_POLICY -> sameCoded(AccessControlPolicy.class, a, b);
            default -> Objects.equals(a, b);
        };
    }

    private static <E extends Enum<E> & CodedValue> boolean sameCoded(Class<E> type, String a, String b) {
        E x = CodedValue.parse(type, a);
        return x == CodedValue.parse(type, b) && (x.code() >= 0 || a.trim().equalsIgnoreCase(b.trim()));
    }

    private <E extends Enum<E> & CodedValue> E coded(Class<E> type, String schema, String field, Map<String, String> values,
                                                    Map<String, SourceLocation> locations, E absent) {
        String raw = values.get(field);
        if (raw == null) return absent;
        E parsed = CodedValue.parse(type, raw);
        if (parsed.code() < 0) {
            unknownValues.add(new UnknownValue(io.trailcheck.model.EntityRef.agent(schema), field, raw, locations.get(field)));
        }
        return parsed;
    }
}
