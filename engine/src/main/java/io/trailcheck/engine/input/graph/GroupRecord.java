package io.trailcheck.engine.input.graph;

import io.trailcheck.model.SourceLocation;

import java.util.List;

/**
 * One group as a file gives it: from a groups export (direct members when expanded, nested groups), or a
 * complete transitive membership ({@code group-members/<id>.json}, the native format).
 *
 * @param id           the group id
 * @param displayName  its name, if given
 * @param location     where it is written
 * @param users        member users as directory indexes
 * @param nestedGroups member groups (direct memberships only)
 * @param membersGiven whether the file lists the members at all
 * @param transitive   whether {@code users} is already the complete membership
 * @param records      member records read
 */
public record GroupRecord(String id, String displayName, SourceLocation location, int[] users, List<String> nestedGroups,
                          boolean membersGiven, boolean transitive, int records) {

    public static GroupRecord transitive(String id, int[] users, SourceLocation location, int records) {
        return new GroupRecord(id, null, location, users, List.of(), true, true, records);
    }
}
