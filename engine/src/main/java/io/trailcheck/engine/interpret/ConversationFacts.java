package io.trailcheck.engine.interpret;

import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.observations.AuditIndex;
import io.trailcheck.engine.input.observations.ObservedConversation;
import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.engine.input.observations.Reconciliation;
import io.trailcheck.engine.input.observations.Reconciliation.Outcome;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.ConversationComparison;
import io.trailcheck.model.ConversationGroup;
import io.trailcheck.model.ConversationTotal;
import io.trailcheck.model.SourceLocation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Observed conversations reduced to groups that share an agent, a channel, what the directory says of
 * their users and whether the audit log was compared, one total per agent, and one comparison per agent ×
 * channel. Which prerequisite each group misses, and whether the log contradicts it, is the rules' to decide.
 * Memory grows with agents × channels, never with users or conversations.
 */
final class ConversationFacts {
    /** How far apart a conversation and its record may be, unless the policy says otherwise (CIL018 windowMinutes). */
    private static final int DEFAULT_WINDOW_MINUTES = 15;
    private static final int EXAMPLES = 3;

    private final Snapshot snapshot;
    private final UserFacts users;
    private final Policy policy;
    private final LocalDate today;
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<String, String> botIds = new HashMap<>();

    ConversationFacts(Snapshot snapshot, UserFacts users, Policy policy, LocalDate today) {
        this.snapshot = snapshot;
        this.users = users;
        this.policy = policy;
        this.today = today;
        snapshot.agents().forEach(a -> agents.put(a.schemaName().toLowerCase(Locale.ROOT), a));
        snapshot.agentAliases().forEach((alias, schema) -> {
            if (alias.length() == 36 && alias.charAt(8) == '-') botIds.put(schema.toLowerCase(Locale.ROOT), alias);
        });
    }

    private record Key(String agent, String channel, String userCause, boolean compared) {}

    /** The conversations of one group, counted by outcome, and the first of them. */
    private static final class Tally {
        final String channelAsObserved;
        final SourceLocation first;
        final int[] outcomes = new int[Outcome.values().length];
        int predicted;

        Tally(String channel, SourceLocation first) {
            this.channelAsObserved = channel;
            this.first = first;
        }
    }

    /** The times compared for one agent × channel, and examples of conversations the log contradicts. */
    private static final class Span {
        final String channel;
        final SourceLocation first;
        Instant from, to;
        final List<String> examples = new ArrayList<>();

        Span(String channel, SourceLocation first) {
            this.channel = channel;
            this.first = first;
        }
    }

    void addTo(List<Object> facts) {
        Map<Key, Tally> groups = new LinkedHashMap<>();
        Map<String, Tally> totals = new LinkedHashMap<>();
        for (ObservedInteraction i : snapshot.interactions()) {
            String agent = schemaOf(i.agent());
            String cause = i.isAnonymous() ? "anonymous" : userCause(i.user());
            tally(groups, new Key(agent, lower(i.channel()), cause, false), i.channel(), i.location()).predicted++;
            tally(totals, agent, i.location()).predicted++;
        }
        Map<List<String>, Span> spans = new LinkedHashMap<>();
        Reconciliation reconciliation = reconciliation();
        for (ObservedConversation c : snapshot.conversations()) {
            if (c.testPane()) continue;
            String agent = schemaOf(c.agent());
            String cause = c.hasUser() ? userCause(c.user()) : "anonymous";
            if (reconciliation == null) {
                tally(groups, new Key(agent, lower(c.channel()), cause, false), c.channel(), c.location()).predicted++;
                tally(totals, agent, c.location()).predicted++;
                continue;
            }
            Outcome outcome = reconciliation.classify(agentNames(agent, c), userNames(c), c.time(), false);
            tally(groups, new Key(agent, lower(c.channel()), cause, true), c.channel(), c.location()).outcomes[outcome.ordinal()]++;
            if (counts(outcome)) tally(totals, agent, c.location()).predicted++;
            span(spans, agent, c, outcome);
        }
        groups.forEach((k, t) -> facts.add(group(k, t)));
        totals.forEach((agent, t) -> facts.add(new ConversationTotal(agent, t.predicted, t.first)));
        spans.forEach((k, s) -> facts.add(new ConversationComparison(k.get(0), s.channel, s.from == null ? null : s.from.toString(),
                s.to == null ? null : s.to.toString(), s.examples, s.first)));
    }

    /** Whether a conversation counts at all: inside the audit log's reach. */
    private static boolean counts(Outcome o) {
        return o != Outcome.OUTSIDE_RETENTION && o != Outcome.NOT_COVERED && o != Outcome.TEST_PANE;
    }

    private static ConversationGroup group(Key k, Tally t) {
        if (!k.compared()) return ConversationGroup.predicted(k.agent(), t.channelAsObserved, k.userCause(), t.predicted, t.first);
        int[] o = t.outcomes;
        int recorded = o[Outcome.RECORDED.ordinal()], missing = o[Outcome.MISSING.ordinal()];
        int unmatched = o[Outcome.NO_USER.ordinal()] + o[Outcome.NO_AGENT.ordinal()];
        return new ConversationGroup(k.agent(), t.channelAsObserved, k.userCause(), recorded + missing + unmatched, true,
                recorded, missing, unmatched, o[Outcome.OUTSIDE_RETENTION.ordinal()], o[Outcome.NOT_COVERED.ordinal()], t.first);
    }

    private void span(Map<List<String>, Span> spans, String agent, ObservedConversation c, Outcome outcome) {
        Span s = spans.computeIfAbsent(List.of(agent, String.valueOf(lower(c.channel()))), k -> new Span(c.channel(), c.location()));
        if (!counts(outcome)) return;
        if (s.from == null || c.time().isBefore(s.from)) s.from = c.time();
        if (s.to == null || c.time().isAfter(s.to)) s.to = c.time();
        if ((outcome == Outcome.RECORDED || outcome == Outcome.MISSING) && s.examples.size() < EXAMPLES) {
            s.examples.add(c.conversationId() != null ? c.conversationId() : c.time().toString());
        }
    }

    /** Null when no audit records were exported: the conversations are then only predicted. */
    private Reconciliation reconciliation() {
        Snapshot.AuditRecords records = snapshot.auditRecords();
        if (records == null) return null;
        AuditIndex.Builder index = AuditIndex.builder(Duration.ofMinutes(param("CIL018", "windowMinutes", DEFAULT_WINDOW_MINUTES)));
        records.keys().into(index);
        return new Reconciliation(index.build(), records.coverage(), retainedFrom(), null);
    }

    /** Records older than the tenant's retention are gone; without a covering policy the service default applies. */
    private Instant retainedFrom() {
        Integer days = snapshot.tenant().copilotRetentionDays();
        int kept = days != null ? days : param("CIL007", "defaultRetentionDays", 180);
        Instant endOfToday = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Reconciliation.retainedFrom(endOfToday, kept);
    }

    private int param(String rule, String name, int absent) {
        Object v = policy.rule(rule).params().get(name);
        return v instanceof Number n ? n.intValue() : absent;
    }

    /** The agent's schema name when a definition or an alias (bot id, display name) names it; else as observed. */
    private String schemaOf(String observed) {
        String key = lower(String.valueOf(observed));
        Agent a = agents.get(key);
        if (a != null) return a.schemaName();
        String schema = snapshot.agentAliases().get(key);
        return schema != null ? schema : observed;
    }

    /** Every name a record may give the agent: its schema name, its bot id, and the conversation's own. */
    private List<String> agentNames(String schema, ObservedConversation c) {
        List<String> names = new ArrayList<>();
        if (schema != null) names.add(schema);
        String botId = schema == null ? null : botIds.get(schema.toLowerCase(Locale.ROOT));
        if (botId != null) names.add(botId);
        if (c.agent() != null && !c.agent().equalsIgnoreCase(schema)) names.add(c.agent());
        return names;
    }

    /** The user's object id as observed, and the principal name the directory gives it. */
    private List<String> userNames(ObservedConversation c) {
        if (!c.hasUser()) return List.of();
        String upn = users == null ? null : users.principalNameOf(c.user());
        return upn == null ? List.of(c.user()) : List.of(c.user(), upn);
    }

    private String userCause(String user) {
        return users == null ? null : users.causeOf(user);
    }

    private static <K> Tally tally(Map<K, Tally> map, K key, String channel, SourceLocation at) {
        return map.computeIfAbsent(key, k -> new Tally(channel, at));
    }

    private static <K> Tally tally(Map<K, Tally> map, K key, SourceLocation at) {
        return map.computeIfAbsent(key, k -> new Tally(null, at));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
