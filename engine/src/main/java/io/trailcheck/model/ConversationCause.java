package io.trailcheck.model;

import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * The first prerequisite of a CopilotInteraction record that a group of conversations misses, as the
 * rules decide it (audit-disabled, agent-auth-not-microsoft, channel-not-logged, anonymous, guest, or a
 * mailbox reason).
 *
 * @param group the conversations
 * @param cause the cause id
 */
public record ConversationCause(ConversationGroup group, String cause) {
    public String getAgent() {
        return group.agent();
    }

    /** How many conversations without a record each cause explains. */
    public static Map<String, Integer> byCause(Collection<?> causes) {
        Map<String, Integer> out = new TreeMap<>();
        for (Object o : causes) {
            ConversationCause c = (ConversationCause) o;
            if (c.group().getUnrecorded() > 0) out.merge(c.cause(), c.group().getUnrecorded(), Integer::sum);
        }
        return out;
    }

    /** How many conversations without a record the causes explain together. */
    public static int total(Collection<?> causes) {
        return byCause(causes).values().stream().mapToInt(Integer::intValue).sum();
    }
}
