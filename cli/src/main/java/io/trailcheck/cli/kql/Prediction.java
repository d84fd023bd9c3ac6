package io.trailcheck.cli.kql;

import io.trailcheck.engine.scan.ReportedFinding;
import io.trailcheck.engine.scan.ScanResult;
import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Finding;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a scan predicts about audit records, in the shape a reconciliation query needs: causes that stop
 * every record of the tenant, of an agent, of an agent's channel, and of a user. Knows nothing of KQL.
 *
 * @param tenantCause the cause that stops every record in the tenant, or "" when none does
 * @param agents      every agent of the snapshot, in schema-name order
 * @param channels    the channels of agents that leave no record, in (agent, channel) order
 * @param users       users whose conversations leave no record, each once, keyed as {@code userKey} made them
 */
public record Prediction(String tenantCause, List<AgentPrediction> agents, List<ChannelPrediction> channels,
                         List<UserPrediction> users) {

    /** An agent: the causes that stop all of its records (rule id and name, comma-separated), if any. */
    public record AgentPrediction(String schemaName, String displayName, String causes) {
        public boolean recordsPredicted(String tenantCause) {
            return tenantCause.isEmpty() && causes.isEmpty();
        }
    }

    public record ChannelPrediction(String schemaName, String channel, String cause) {}

    public record UserPrediction(String key, String cause) {}

    static final String CIL006 = "CIL006 audit-ingestion-disabled";
    private static final Map<String, String> AGENT_CAUSES = Map.of(
            "CIL001", "CIL001 agent-auth-not-microsoft",
            "CIL002", "CIL002 anonymous-access");

    /**
     * The prediction of {@code result}. Exempted findings still count: an exemption accepts a gap, it does not
     * close it. {@code userKey} turns a user into the key the record table is matched on.
     */
    public static Prediction of(ScanResult result, Function<AffectedUsers.User, String> userKey) {
        Collector c = new Collector(userKey);
        result.findings().forEach(c::add);
        List<AgentPrediction> agents = new ArrayList<>();
        result.inventory().agentNames().forEach((schema, display) -> agents.add(new AgentPrediction(schema, display,
                String.join(", ", c.agentCauses.getOrDefault(schema, new TreeSet<>())))));
        return new Prediction(c.tenantCause, List.copyOf(agents), List.copyOf(c.channels.values()),
                List.copyOf(c.users.values()));
    }

    /** Gathers the causes finding by finding. */
    private static final class Collector {
        final Function<AffectedUsers.User, String> userKey;
        String tenantCause = "";
        final Map<String, TreeSet<String>> agentCauses = new TreeMap<>();
        final Map<String, ChannelPrediction> channels = new TreeMap<>();
        final Map<String, UserPrediction> users = new LinkedHashMap<>();
        /** Agents with the same audience share one set of users: each set is listed once. */
        final Set<AffectedUsers> listed = Collections.newSetFromMap(new IdentityHashMap<>());

        Collector(Function<AffectedUsers.User, String> userKey) {
            this.userKey = userKey;
        }

        void add(ReportedFinding reported) {
            Finding f = reported.finding();
            String rule = reported.ruleId();
            if (rule.equals("CIL006")) tenantCause = CIL006;
            else if (f.getAgent() == null) return;
            else if (AGENT_CAUSES.containsKey(rule)) agentCauses.computeIfAbsent(f.getAgent(), a -> new TreeSet<>()).add(AGENT_CAUSES.get(rule));
            else if (rule.equals("CIL003")) channel(f);
            else if ((rule.equals("CIL004") || rule.equals("CIL005")) && listed.add(f.getAffected())) users(rule, f);
        }

        private void channel(Finding f) {
            String channel = String.valueOf(f.getProperties().get("channel"));
            channels.put(f.getAgent() + "\u0000" + channel, new ChannelPrediction(f.getAgent(), channel, "CIL003 channel-not-logged"));
        }

        private void users(String rule, Finding f) {
            for (AffectedUsers.User u : f.getAffected().list()) {
                users.putIfAbsent(u.id(), new UserPrediction(userKey.apply(u), rule + " " + u.reason()));
            }
        }
    }

    /** The distinct user causes, in first-seen order: the compact form numbers them. */
    public List<String> userCauses() {
        return users.stream().map(UserPrediction::cause).distinct().toList();
    }
}
