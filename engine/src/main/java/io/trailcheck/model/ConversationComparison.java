package io.trailcheck.model;

import java.util.Collection;
import java.util.Set;

/**
 * The audit log compared with the conversations observed with one agent on one channel: what the rules
 * need to say where the log contradicts the prediction (CIL018), and over which time.
 *
 * @param agent      the agent's schema name
 * @param channelId  the channel id as observed, or null
 * @param from       the first conversation compared (ISO instant), or null when none could be
 * @param to         the last one
 * @param examples   up to three conversation ids (or times) that contradict it, in file order, for people
 * @param location   where the first conversation is written
 */
public record ConversationComparison(String agent, String channelId, String from, String to, java.util.List<String> examples,
                                     SourceLocation location) {
    public ConversationComparison {
        examples = java.util.List.copyOf(examples);
    }

    public String getChannelKey() {
        return channelId == null ? null : channelId.toLowerCase(java.util.Locale.ROOT);
    }

    /** Conversations with a user and an agent to look up, no record, and no cause the rules know. */
    public static int missingAlthoughPredicted(Collection<?> groups, Collection<?> causes) {
        Set<ConversationGroup> caused = causedGroups(causes);
        int n = 0;
        for (Object o : groups) {
            ConversationGroup g = (ConversationGroup) o;
            if (g.compared() && !caused.contains(g)) n += g.missing();
        }
        return n;
    }

    /** Conversations with a record although a cause says none could be made. */
    public static int recordedAlthoughNotPredicted(Collection<?> causes) {
        int n = 0;
        for (Object o : causes) {
            ConversationGroup g = ((ConversationCause) o).group();
            if (g.compared()) n += g.recorded();
        }
        return n;
    }

    /** Conversations compared: those within the audit export's time and retention. */
    public static int compared(Collection<?> groups) {
        int n = 0;
        for (Object o : groups) {
            ConversationGroup g = (ConversationGroup) o;
            if (g.compared()) n += g.count();
        }
        return n;
    }

    /** The causes that explain recorded conversations, by the rules' names ("channel-not-logged 2"). */
    public static String causesOfRecorded(Collection<?> causes) {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        for (Object o : causes) {
            ConversationCause c = (ConversationCause) o;
            if (c.group().compared() && c.group().recorded() > 0) out.merge(c.cause(), c.group().recorded(), Integer::sum);
        }
        return Counts.describe(out);
    }

    private static Set<ConversationGroup> causedGroups(Collection<?> causes) {
        Set<ConversationGroup> out = new java.util.HashSet<>();
        for (Object o : causes) out.add(((ConversationCause) o).group());
        return out;
    }
}
