package io.trailcheck.engine.directory;

import io.trailcheck.model.SourceLocation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups and their user members, held as user indexes. A transitive membership export
 * ({@code group-members/<id>.json}) wins over a group's expanded direct members; direct members that are
 * groups themselves are expanded here, once, with cycles cut.
 */
public final class GroupDirectory {

    /** One group: its members as user indexes, its nested group ids, whether the list is already transitive. */
    public static final class Group {
        final String id;
        String displayName;
        SourceLocation location;
        int[] users = new int[0];
        List<String> nestedGroups = new ArrayList<>();
        boolean transitive;
        boolean membersKnown;

        Group(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public String displayName() {
            return displayName;
        }

        public SourceLocation location() {
            return location;
        }
    }

    private final Map<String, Group> groups = new HashMap<>();

    /** Records a group from a groups export; its members, when expanded, are direct only. */
    public void addGroup(String id, String displayName, SourceLocation at, int[] directUsers, List<String> nested,
                         boolean membersExpanded) {
        Group g = group(id);
        if (displayName != null) g.displayName = displayName;
        if (g.location == null) g.location = at;
        if (membersExpanded && !g.transitive) {
            g.users = directUsers;
            g.nestedGroups = List.copyOf(nested);
            g.membersKnown = true;
        }
    }

    /** Records the complete transitive membership of a group. */
    public void setTransitiveMembers(String id, int[] users, SourceLocation at) {
        Group g = group(id);
        if (g.location == null) g.location = at;
        g.users = users;
        g.nestedGroups = List.of();
        g.transitive = true;
        g.membersKnown = true;
    }

    /** True when the snapshot says who is in the group. */
    public boolean hasMembership(String id) {
        Group g = groups.get(key(id));
        return g != null && g.membersKnown;
    }

    public Group get(String id) {
        return groups.get(key(id));
    }

    public int size() {
        return groups.size();
    }

    /**
     * Sets the bit of every user in the group, following nested groups not yet visited. Iterative, so a chain
     * of any depth (a hostile export nests thousands) needs no stack.
     */
    public void collectUsers(String id, BitSet into, Set<String> visited) {
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>();
        pending.push(id);
        while (!pending.isEmpty()) {
            Group g = groups.get(key(pending.pop()));
            if (g == null || !visited.add(g.id.toLowerCase(Locale.ROOT))) continue;
            for (int u : g.users) into.set(u);
            for (int i = g.nestedGroups.size() - 1; i >= 0; i--) pending.push(g.nestedGroups.get(i));
        }
    }

    public BitSet usersOf(List<String> groupIds) {
        BitSet bits = new BitSet();
        Set<String> visited = new HashSet<>();
        for (String id : groupIds) collectUsers(id, bits, visited);
        return bits;
    }

    private Group group(String id) {
        return groups.computeIfAbsent(key(id), k -> new Group(id));
    }

    private static String key(String id) {
        return id.toLowerCase(Locale.ROOT);
    }
}
