package io.trailcheck.engine.directory;

import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Audience;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reduces an agent's audience to counts. Each distinct audience (the whole tenant, or one set of groups) is
 * counted once and shared by every agent that has it: no user × agent pairs are ever made.
 */
public final class AudienceCalculator {
    private final UserDirectory users;
    private final GroupDirectory groups;
    private final Map<String, Counts> cache = new HashMap<>();

    public AudienceCalculator(UserDirectory users, GroupDirectory groups) {
        this.users = users;
        this.groups = groups;
    }

    public Audience wholeTenant(String agent) {
        Counts c = cache.computeIfAbsent("*", k -> count(null));
        return c.toAudience(agent, true);
    }

    public Audience ofGroups(String agent, List<String> groupIds) {
        TreeSet<String> sorted = new TreeSet<>();
        groupIds.forEach(g -> sorted.add(g.toLowerCase(Locale.ROOT)));
        Counts c = cache.computeIfAbsent(String.join(",", sorted), k -> count(groups.usersOf(groupIds)));
        return c.toAudience(agent, false);
    }

    private Counts count(BitSet only) {
        Counts c = new Counts();
        if (only == null) {
            for (int i = 0; i < users.size(); i++) c.add(i);
        } else {
            for (int i = only.nextSetBit(0); i >= 0; i = only.nextSetBit(i + 1)) c.add(i);
        }
        c.membersAffected = new DirectoryUsers(users, byId(c.members(false)));
        c.guestsAffected = new DirectoryUsers(users, byId(c.members(true)));
        c.affectedIndexes = null;
        return c;
    }

    /**
     * Users in a total order that does not depend on the export's order: by id without letter case (as ids
     * compare), then by id. Reports list affected users in this order, so a reordered export gives the same
     * reports.
     */
    private int[] byId(int[] indexes) {
        return java.util.Arrays.stream(indexes).boxed()
                .sorted(java.util.Comparator.comparing((Integer i) -> users.id(i), String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(i -> users.id(i)))
                .mapToInt(Integer::intValue).toArray();
    }

    private final class Counts {
        int members, withoutMailbox, unknownMailbox, guests;
        final int[] byStatus = new int[MailboxStatus.values().length];
        int[] affectedIndexes = new int[16];
        int affectedCount;
        AffectedUsers membersAffected;
        AffectedUsers guestsAffected;

        void add(int i) {
            if (!users.isEnabled(i)) return;
            if (users.isGuest(i)) {
                guests++;
                addAffected(i);
                return;
            }
            members++;
            MailboxStatus m = users.mailbox(i);
            if (m == MailboxStatus.UNKNOWN) {
                unknownMailbox++;
            } else if (m.isAbsent()) {
                withoutMailbox++;
                byStatus[m.ordinal()]++;
                addAffected(i);
            }
        }

        void addAffected(int i) {
            if (affectedCount == affectedIndexes.length) {
                affectedIndexes = java.util.Arrays.copyOf(affectedIndexes, affectedCount * 2);
            }
            affectedIndexes[affectedCount++] = i;
        }

        int[] members(boolean guestsOnly) {
            return java.util.Arrays.stream(affectedIndexes, 0, affectedCount).filter(i -> users.isGuest(i) == guestsOnly).toArray();
        }

        Map<String, Integer> reasons() {
            Map<String, Integer> reasons = new TreeMap<>();
            for (MailboxStatus m : MailboxStatus.values()) if (byStatus[m.ordinal()] > 0) reasons.put(m.reason(), byStatus[m.ordinal()]);
            return reasons;
        }

        Audience toAudience(String agent, boolean wholeTenant) {
            return new Audience(agent, wholeTenant, members, withoutMailbox, reasons(), unknownMailbox, guests,
                    membersAffected, guestsAffected);
        }
    }

    /** Affected users resolved lazily from the directory, only when a report asks for names. */
    private record DirectoryUsers(UserDirectory users, int[] indexes) implements AffectedUsers {
        @Override
        public int size() {
            return indexes.length;
        }

        @Override
        public List<User> list(int max) {
            int n = Math.min(max, indexes.length);
            List<User> out = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                int i = indexes[k];
                String reason = users.isGuest(i) ? "guest" : users.mailbox(i).reason();
                out.add(new User(users.id(i), users.principalName(i), reason));
            }
            return out;
        }
    }
}
