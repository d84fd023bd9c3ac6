package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.model.AccessControlPolicy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.AgentTrigger;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.AuthenticationTrigger;
import io.trailcheck.model.CodedValue;
import io.trailcheck.model.DraftDifference;
import io.trailcheck.model.EntityRef;
import io.trailcheck.model.PublishState;
import io.trailcheck.model.SourceConflict;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.UnknownValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Merges the drafts of one agent from several sources (matched by schema name, ignoring case) into one
 * {@link Agent}. Sources rank by {@link AgentDraft.Origin}: the most authoritative one is the reported location
 * and its values win; a source that disagrees on a field a rule looks at becomes a {@link SourceConflict}
 * (CIL015), never a refusal. Where a source carries a publish state, the published value is judged and a
 * draft that differs from it becomes a {@link DraftDifference} (CIL016). Agents an export shows deleted or
 * inactive are set aside, not judged.
 */
public final class AgentMerger {
    private static final List<String> CODED = List.of(AgentFields.AUTHENTICATION_MODE,
            AgentFields.AUTHENTICATION_TRIGGER, AgentFields.ACCESS_CONTROL_POLICY);
    private static final Comparator<AgentDraft> AUTHORITY = Comparator.comparing((AgentDraft d) -> d.origin)
            .thenComparing(d -> d.file.toString()).thenComparing(d -> d.location);

    private final List<Agent> agents = new ArrayList<>();
    private final List<AgentChannel> channels = new ArrayList<>();
    private final List<UnknownValue> unknownValues = new ArrayList<>();
    private final List<SourceConflict> conflicts = new ArrayList<>();
    private final List<DraftDifference> differences = new ArrayList<>();
    private final List<AgentTrigger> triggers = new ArrayList<>();
    private final List<SetAsideAgent> setAside = new ArrayList<>();

    public List<Agent> agents() { return agents; }
    public List<AgentChannel> channels() { return channels; }
    /** Enum values no catalogue of the authoring schema knows. */
    public List<UnknownValue> unknownValues() { return unknownValues; }
    /** Values the sources of one agent disagree on (CIL015). */
    public List<SourceConflict> conflicts() { return conflicts; }
    /** Where the published configuration differs from the draft (CIL016). */
    public List<DraftDifference> differences() { return differences; }
    /** Event triggers the agents run from (CIL017). */
    public List<AgentTrigger> triggers() { return triggers; }
    /** Agents not judged: deleted or inactive in Dataverse. */
    public List<SetAsideAgent> setAside() { return setAside; }

    public AgentMerger(List<AgentDraft> drafts) {
        Map<String, List<AgentDraft>> bySchema = new LinkedHashMap<>();
        for (AgentDraft d : drafts) {
            bySchema.computeIfAbsent(d.get(AgentFields.SCHEMA_NAME).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(d);
        }
        bySchema.values().forEach(this::merge);
        agents.sort(Comparator.comparing(Agent::schemaName));
        conflicts.sort(Comparator.comparing(SourceConflict::agent).thenComparing(SourceConflict::field));
        differences.sort(Comparator.comparing(DraftDifference::agent).thenComparing(DraftDifference::field));
        setAside.sort(Comparator.comparing(SetAsideAgent::agent));
    }

    private void merge(List<AgentDraft> sources) {
        sources.sort(AUTHORITY);
        AgentDraft primary = sources.get(0);
        String schema = primary.get(AgentFields.SCHEMA_NAME);
        AgentDraft dead = sources.stream().filter(d -> d.notLive != null).findFirst().orElse(null);
        if (dead != null) {
            setAside.add(new SetAsideAgent(schema, dead.notLive, dead.location));
            return;
        }
        Path base = commonFolder(sources);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, SourceLocation> locations = new LinkedHashMap<>();
        AgentDraft named = sources.stream().filter(d -> d.get(AgentFields.DISPLAY_NAME) != null).findFirst().orElse(null);
        for (String field : CODED) judge(schema, field, sources, base, values, locations);

        AgentDraft groupSource = choose(schema, AgentFields.AUTHORIZED_GROUPS, sources, base,
                d -> d.authorizedGroupIds == null ? null : asSet(d.authorizedGroupIds).toString(),
                d -> d.locations.get(AgentFields.AUTHORIZED_GROUPS));
        if (groupSource != null) locations.put(AgentFields.AUTHORIZED_GROUPS, groupSource.locations.get(AgentFields.AUTHORIZED_GROUPS));
        agents.add(new Agent(schema,
                named == null ? schema : named.get(AgentFields.DISPLAY_NAME),
                coded(AuthenticationMode.class, schema, AgentFields.AUTHENTICATION_MODE, values, locations, AuthenticationMode.UNSPECIFIED),
                coded(AuthenticationTrigger.class, schema, AgentFields.AUTHENTICATION_TRIGGER, values, locations, AuthenticationTrigger.AS_NEEDED),
                coded(AccessControlPolicy.class, schema, AgentFields.ACCESS_CONTROL_POLICY, values, locations, AccessControlPolicy.ANY),
                groupSource == null ? null : groupSource.authorizedGroupIds, primary.location, locations, publishState(sources)));
        judgeChannels(schema, sources, base);
        addTriggers(schema, sources);
    }

    /** The draft value of the most authoritative source that gives one; the published value, where recorded, is judged. */
    private void judge(String schema, String field, List<AgentDraft> sources, Path base, Map<String, String> values,
                       Map<String, SourceLocation> locations) {
        AgentDraft draft = choose(schema, field, sources, base, d -> d.get(field), d -> d.locations.get(field));
        AgentDraft published = sources.stream().filter(d -> d.published.values.containsKey(field)).findFirst().orElse(null);
        if (published != null) {
            String live = published.published.values.get(field);
            SourceLocation at = published.published.locations.get(field);
            if (draft != null && !sameValue(field, live, draft.get(field))) {
                differences.add(new DraftDifference(schema, field, label(field, live), label(field, draft.get(field)),
                        draft.locations.get(field)));
            }
            values.put(field, live);
            locations.put(field, at);
        } else if (draft != null) {
            values.put(field, draft.get(field));
            locations.put(field, draft.locations.get(field));
        }
    }

    private void judgeChannels(String schema, List<AgentDraft> sources, Path base) {
        AgentDraft draft = choose(schema, AgentFields.CHANNELS, sources, base,
                d -> d.channels == null ? null : channelSet(d.channels), d -> channelsAt(d, d.channels));
        AgentDraft published = sources.stream().filter(d -> d.published.channels != null).findFirst().orElse(null);
        List<AgentDraft.ChannelDraft> judged = draft == null ? null : draft.channels;
        if (published != null) {
            judged = published.published.channels;
            if (draft != null && !channelSet(draft.channels).equals(channelSet(judged))) {
                differences.add(new DraftDifference(schema, AgentFields.CHANNELS, channelSet(judged),
                        channelSet(draft.channels), channelsAt(draft, draft.channels)));
            }
        }
        if (judged == null) return;
        Set<String> seen = new HashSet<>();
        for (AgentDraft.ChannelDraft c : judged) {
            if (seen.add(c.channelId().toLowerCase(Locale.ROOT))) channels.add(new AgentChannel(schema, c.channelId(), c.location()));
        }
    }

    private void addTriggers(String schema, List<AgentDraft> sources) {
        Set<String> seen = new HashSet<>();
        for (AgentDraft d : sources) {
            for (AgentTrigger t : d.triggers) {
                if (seen.add(t.name().toLowerCase(Locale.ROOT))) triggers.add(new AgentTrigger(schema, t.name(), t.source(), t.location()));
            }
        }
    }

    /**
     * The most authoritative source giving the field; every other source giving a different value is listed
     * in one conflict for the field, at the chosen value's line.
     */
    private AgentDraft choose(String schema, String field, List<AgentDraft> sources, Path base,
                              Function<AgentDraft, String> value, Function<AgentDraft, SourceLocation> at) {
        List<AgentDraft> giving = sources.stream().filter(d -> value.apply(d) != null).toList();
        if (giving.isEmpty()) return null;
        AgentDraft chosen = giving.get(0);
        boolean differs = giving.stream().anyMatch(d -> !sameValue(field, value.apply(chosen), value.apply(d)));
        if (differs) {
            List<String> listed = giving.stream()
                    .map(d -> label(field, value.apply(d)) + " in " + name(base, at.apply(d) == null ? d.location : at.apply(d)))
                    .toList();
            SourceLocation where = at.apply(chosen) == null ? chosen.location : at.apply(chosen);
            conflicts.add(new SourceConflict(schema, field, label(field, value.apply(chosen)), listed, where));
        }
        return chosen;
    }

    private static PublishState publishState(List<AgentDraft> sources) {
        if (sources.stream().anyMatch(d -> d.publishState == PublishState.PUBLISHED || !d.published.isEmpty())) {
            return PublishState.PUBLISHED;
        }
        return sources.stream().anyMatch(d -> d.publishState == PublishState.NEVER_PUBLISHED)
                ? PublishState.NEVER_PUBLISHED : PublishState.UNKNOWN;
    }

    private static SourceLocation channelsAt(AgentDraft d, List<AgentDraft.ChannelDraft> list) {
        SourceLocation at = d.locations.get(AgentFields.CHANNELS);
        if (at != null) return at;
        return list == null || list.isEmpty() ? d.location : list.get(0).location();
    }

    private static String channelSet(List<AgentDraft.ChannelDraft> list) {
        return asSet(list.stream().map(AgentDraft.ChannelDraft::channelId).toList());
    }

    /** "[Directline, MsTeams]": sorted and deduplicated ignoring case, as first written. */
    private static String asSet(List<String> values) {
        Map<String, String> set = new java.util.TreeMap<>();
        values.forEach(v -> set.putIfAbsent(v.trim().toLowerCase(Locale.ROOT), v.trim()));
        return set.values().toString();
    }

    /** Labels and picklist integers of the same value are not a conflict; two different unknown values are. */
    private static boolean sameValue(String field, String a, String b) {
        return switch (field) {
            case AgentFields.AUTHENTICATION_MODE -> sameCoded(AuthenticationMode.class, a, b);
            case AgentFields.AUTHENTICATION_TRIGGER -> sameCoded(AuthenticationTrigger.class, a, b);
            case AgentFields.ACCESS_CONTROL_POLICY -> sameCoded(AccessControlPolicy.class, a, b);
            default -> a.equalsIgnoreCase(b);
        };
    }

    private static <E extends Enum<E> & CodedValue> boolean sameCoded(Class<E> type, String a, String b) {
        E x = CodedValue.parse(type, a);
        return x == CodedValue.parse(type, b) && (x.code() >= 0 || a.trim().equalsIgnoreCase(b.trim()));
    }

    /** A picklist integer shown with its label ("2 (Integrated)"), so both sides of a difference read alike. */
    private static String label(String field, String raw) {
        CodedValue v = switch (field) {
            case AgentFields.AUTHENTICATION_MODE -> CodedValue.parse(AuthenticationMode.class, raw);
            case AgentFields.AUTHENTICATION_TRIGGER -> CodedValue.parse(AuthenticationTrigger.class, raw);
            case AgentFields.ACCESS_CONTROL_POLICY -> CodedValue.parse(AccessControlPolicy.class, raw);
            default -> null;
        };
        if (v == null || v.code() < 0 || v.label().equalsIgnoreCase(raw.trim())) return raw.trim();
        return raw.trim().matches("-?\\d+") ? raw.trim() + " (" + v.label() + ")" : v.label();
    }

    private <E extends Enum<E> & CodedValue> E coded(Class<E> type, String schema, String field, Map<String, String> values,
                                                    Map<String, SourceLocation> locations, E absent) {
        String raw = values.get(field);
        if (raw == null) return absent;
        E parsed = CodedValue.parse(type, raw);
        if (parsed.code() < 0) unknownValues.add(new UnknownValue(EntityRef.agent(schema), field, raw, locations.get(field)));
        return parsed;
    }

    /** The folder holding every source of the agent, so messages name sources the same on every machine. */
    private static Path commonFolder(List<AgentDraft> sources) {
        Path base = sources.get(0).file.toAbsolutePath().getParent();
        for (AgentDraft d : sources) {
            Path p = d.file.toAbsolutePath();
            while (base != null && !p.startsWith(base)) base = base.getParent();
        }
        return base;
    }

    private static String name(Path base, SourceLocation at) {
        Path file = at.file().toAbsolutePath();
        String shown = base == null || !file.startsWith(base) || file.equals(base) ? file.toString()
                : base.relativize(file).toString();
        return shown.replace('\\', '/') + ":" + at.line();
    }
}
