package io.trailcheck.engine.directory;

import io.trailcheck.model.AffectedUsers;
import io.trailcheck.model.Audience;
import io.trailcheck.model.ExemptedUser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reduces an agent's audience to counts. Each distinct audience (the whole tenant, or one set of groups) is
 * counted once and shared by every agent that has it: no user × agent pairs are ever made. Users an
 * exemption covers are taken out of the counts of the agents it names.
 */
public final class AudienceCalculator {
    private final UserDirectory users;
    private final Mailboxes mailboxes;
    private final GroupDirectory groups;
    private final Map<Integer, List<UserExemption>> exemptions = new HashMap<>();
    private final Map<String, Counts> cache = new HashMap<>();

    public AudienceCalculator(UserDirectory users, Mailboxes mailboxes, GroupDirectory groups, List<UserExemption> exempt) {
        this.users = users;
        this.mailboxes = mailboxes;
        this.groups = groups;
        exempt.forEach(e -> exemptions.computeIfAbsent(e.user(), k -> new ArrayList<>()).add(e));
    }

    public Audience wholeTenant(String agent) {
        return cache.computeIfAbsent("*", k -> count(null)).toAudience(agent, true);
    }

    public Audience ofGroups(String agent, List<String> groupIds) {
        return cache.computeIfAbsent(key(groupIds), k -> count(groups.usersOf(groupIds))).toAudience(agent, false);
    }

    /**
     * Counts each distinct audience of {@code groupSets} not yet counted, on every core: the directory and
     * the groups are only read, and each count goes to its own key, so the outcome does not depend on order.
     */
    public void countAll(List<List<String>> groupSets) {
        Map<String, List<String>> distinct = new java.util.LinkedHashMap<>();
        for (List<String> ids : groupSets) {
            String key = key(ids);
            if (!cache.containsKey(key)) distinct.putIfAbsent(key, ids);
        }
        cache.putAll(distinct.entrySet().parallelStream().collect(java.util.stream.Collectors.toConcurrentMap(
                Map.Entry::getKey, e -> count(groups.usersOf(e.getValue())))));
    }

    /** One key per set of groups, whatever the order and letter case they are given in. */
    private static String key(List<String> groupIds) {
        TreeSet<String> sorted = new TreeSet<>();
        groupIds.forEach(g -> sorted.add(g.toLowerCase(Locale.ROOT)));
        return String.join(",", sorted);
    }

    private Counts count(BitSet only) {
        Counts c = new Counts();
        if (only == null) {
            for (int i = 0; i < users.size(); i++) c.add(i);
        } else {
            for (int i = only.nextSetBit(0); i >= 0; i = only.nextSetBit(i + 1)) c.add(i);
        }
        c.sortAffected();
        return c;
    }

    private final class Counts {
        int members, unknownMailbox, guests, agentUsers;
        int[] affected = new int[16];
        int affectedCount;

        void add(int i) {
            if (!users.isEnabled(i)) return;
            if (users.isAgentUser(i)) {
                agentUsers++;
                return;
            }
            if (users.isGuest(i)) {
                guests++;
                addAffected(i);
                return;
            }
            members++;
            MailboxStatus m = mailboxes.of(i);
            if (m == MailboxStatus.UNKNOWN) unknownMailbox++;
            else if (m.isAbsent()) addAffected(i);
        }

        void addAffected(int i) {
            if (affectedCount == affected.length) affected = Arrays.copyOf(affected, affectedCount * 2);
            affected[affectedCount++] = i;
        }

        int[] exemptCandidates;
        AffectedUsers sharedMembers, sharedGuests;
        Map<String, Integer> sharedReasons;

        /** Affected users in a total order of their ids, whatever the order of the export. */
        void sortAffected() {
            affected = users.inIdOrder(Arrays.copyOf(affected, affectedCount));
            sharedMembers = users(filter(i -> !users.isGuest(i)));
            sharedGuests = users(filter(users::isGuest));
            sharedReasons = reasons(filter(i -> !users.isGuest(i)));
            exemptCandidates = filter(exemptions::containsKey);
        }

        /** The shared user sets, unless an exemption takes someone out of this agent's counts. */
        Audience toAudience(String agent, boolean wholeTenant) {
            if (Arrays.stream(exemptCandidates).noneMatch(i -> exemption(i, agent) != null)) {
                return new Audience(agent, wholeTenant, members, sharedMembers.size(), sharedReasons, unknownMailbox, guests,
                        sharedGuests.size(), sharedMembers, sharedGuests, List.of(), agentUsers);
            }
            List<ExemptedUser> exempted = new ArrayList<>();
            for (int i : exemptCandidates) {
                UserExemption e = exemption(i, agent);
                if (e != null) exempted.add(new ExemptedUser(users.id(i), users.principalName(i), e.rule(), e.exemption(), e.ticket(), e.expires()));
            }
            int[] counted = filter(i -> exemption(i, agent) == null);
            int[] memberList = Arrays.stream(counted).filter(i -> !users.isGuest(i)).toArray();
            int[] guestList = Arrays.stream(counted).filter(users::isGuest).toArray();
            return new Audience(agent, wholeTenant, members, memberList.length, reasons(memberList), unknownMailbox, guests,
                    guestList.length, users(memberList), users(guestList), exempted, agentUsers);
        }

        private int[] filter(java.util.function.IntPredicate keep) {
            return Arrays.stream(affected).filter(keep).toArray();
        }

        private Map<String, Integer> reasons(int[] members) {
            int[] byStatus = new int[MailboxStatus.values().length];
            for (int i : members) byStatus[mailboxes.of(i).ordinal()]++;
            Map<String, Integer> reasons = new TreeMap<>();
            for (MailboxStatus m : MailboxStatus.values()) if (byStatus[m.ordinal()] > 0) reasons.put(m.reason(), byStatus[m.ordinal()]);
            return reasons;
        }

        private UserExemption exemption(int user, String agent) {
            String rule = users.isGuest(user) ? UserExemption.GUESTS_RULE : UserExemption.MEMBERS_RULE;
            return exemption(user, rule, agent);
        }

        private UserExemption exemption(int user, String rule, String agent) {
            List<UserExemption> list = exemptions.get(user);
            if (list == null) return null;
            return list.stream().filter(e -> e.covers(rule, agent)).findFirst().orElse(null);
        }

        private AffectedUsers users(int[] indexes) {
            return new DirectoryUsers(users, mailboxes, indexes);
        }
    }

    /** Affected users resolved lazily from the directory, only when a report asks for names. */
    private record DirectoryUsers(UserDirectory users, Mailboxes mailboxes, int[] indexes) implements AffectedUsers {
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
                String reason = users.isGuest(i) ? "guest" : mailboxes.of(i).reason();
                out.add(new User(users.id(i), users.principalName(i), reason));
            }
            return out;
        }
    }
}
