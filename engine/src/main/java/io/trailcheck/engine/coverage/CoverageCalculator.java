package io.trailcheck.engine.coverage;

import io.trailcheck.engine.coverage.Coverage.AgentCoverage;
import io.trailcheck.engine.coverage.Coverage.AudienceKind;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.Audience;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.ChannelLogging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Builds the {@link Coverage} of a scan from facts the engine already has: the audience summary of each
 * agent, its channels and the policy's channel catalogue. Reasons, first that applies to a person:
 * {@code authentication} (the agent does not use "Authenticate with Microsoft", so no one's conversation is
 * recorded), {@code no-logged-channel} (every channel it is published to is not logged), {@code guest},
 * then the member's mailbox reason ({@code license-error}, {@code plan-disabled}, …).
 */
public final class CoverageCalculator {
    public static final String AUTHENTICATION = "authentication";
    public static final String NO_LOGGED_CHANNEL = "no-logged-channel";
    public static final String GUEST = "guest";

    private final Policy policy;

    public CoverageCalculator(Policy policy) {
        this.policy = policy;
    }

    public Coverage compute(Snapshot snapshot, List<Object> facts, LocalDate today) {
        Map<String, Audience> audiences = new HashMap<>();
        for (Object f : facts) {
            if (f instanceof Audience a && a.agent() != null) audiences.put(key(a.agent()), a);
        }
        Map<String, Map<String, String>> channelsByAgent = new HashMap<>();
        Map<String, String> allChannels = new TreeMap<>();
        for (AgentChannel c : snapshot.channels()) {
            channelsByAgent.computeIfAbsent(key(c.agent()), k -> new TreeMap<>(String.CASE_INSENSITIVE_ORDER))
                    .putIfAbsent(c.channelId(), policy.channel(c.channelId()).id());
            allChannels.putIfAbsent(c.getKey(), c.channelId());
        }
        List<AgentCoverage> agents = new ArrayList<>();
        for (Agent agent : snapshot.agents()) {
            Map<String, String> channels = channelsByAgent.getOrDefault(key(agent.schemaName()), Map.of());
            agents.add(agent(agent, audiences.get(key(agent.schemaName())), channels));
        }
        agents.sort(Comparator.comparing(AgentCoverage::agent, String.CASE_INSENSITIVE_ORDER));
        return new Coverage(snapshot.tenant().id(), snapshot.tenant().name(), ingestion(snapshot.tenant().unifiedAuditLogIngestionEnabled()),
                today, new ArrayList<>(allChannels.values()), agents);
    }

    private static AgentCoverage agent(Agent agent, Audience audience, Map<String, String> channels) {
        if (audience == null) {
            return new AgentCoverage(agent.schemaName(), agent.displayName(), AudienceKind.UNKNOWN, null, null, null, Map.of(), channels);
        }
        AudienceKind kind = audience.wholeTenant() ? AudienceKind.TENANT : AudienceKind.GROUPS;
        int people = audience.getTotal();
        Map<String, Integer> notRecorded = new LinkedHashMap<>();
        AuthenticationMode mode = agent.authenticationMode();
        if (mode == null || mode == AuthenticationMode.UNKNOWN) return counts(agent, kind, people, 0, people, notRecorded, channels);
        if (mode != AuthenticationMode.INTEGRATED) {
            notRecorded.put(AUTHENTICATION, people);
            return counts(agent, kind, people, 0, 0, notRecorded, channels);
        }
        ChannelLogging best = bestChannel(channels);
        if (best == ChannelLogging.NOT_LOGGED) {
            notRecorded.put(NO_LOGGED_CHANNEL, people);
            return counts(agent, kind, people, 0, 0, notRecorded, channels);
        }
        if (best == ChannelLogging.UNKNOWN) return counts(agent, kind, people, 0, people, notRecorded, channels);
        if (audience.guests() > 0) notRecorded.put(GUEST, audience.guests());
        new TreeMap<>(audience.reasons()).forEach((reason, n) -> { if (n > 0) notRecorded.put(reason, n); });
        int unknown = audience.membersUnknownMailbox();
        int recorded = audience.members() - audience.membersWithoutMailbox() - unknown;
        return counts(agent, kind, people, Math.max(0, recorded), unknown, notRecorded, channels);
    }

    private static AgentCoverage counts(Agent agent, AudienceKind kind, int people, int recorded, int unknown,
                                        Map<String, Integer> notRecorded, Map<String, String> channels) {
        return new AgentCoverage(agent.schemaName(), agent.displayName(), kind, people, recorded, unknown, notRecorded, channels);
    }

    /** The most favourable class among an agent's channels; LOGGED when it lists none (channels not exported). */
    private static ChannelLogging bestChannel(Map<String, String> channels) {
        if (channels.isEmpty() || channels.containsValue(ChannelLogging.LOGGED.id())) return ChannelLogging.LOGGED;
        return channels.containsValue(ChannelLogging.UNKNOWN.id()) ? ChannelLogging.UNKNOWN : ChannelLogging.NOT_LOGGED;
    }

    private static Coverage.AuditIngestion ingestion(Boolean enabled) {
        if (enabled == null) return Coverage.AuditIngestion.NOT_EXPORTED;
        return enabled ? Coverage.AuditIngestion.ENABLED : Coverage.AuditIngestion.DISABLED;
    }

    private static String key(String agent) {
        return agent.toLowerCase(Locale.ROOT);
    }
}
