package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.UserIndex;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code group-members/<groupId>.json}: Graph {@code GET /v1.0/groups/{id}/transitiveMembers}, the complete
 * membership of one group. Nested groups, devices and service principals are not users.
 */
public final class GroupMembersReader {
    private final GraphCollection collection;
    private final UserIndex users;

    public GroupMembersReader(GraphCollection collection, UserIndex users) {
        this.collection = collection;
        this.users = users;
    }

    private static final class Draft {
        String id, type;
    }

    public GroupsSection read(Path file, Problems problems) {
        String name = file.getFileName().toString();
        String groupId = name.substring(0, name.length() - ".json".length());
        JsonValues values = new JsonValues(file, problems);
        GraphGroupsReader.Members members = new GraphGroupsReader.Members(users);
        int[] count = {0};
        collection.read(file, RecordReader.of(at -> new Draft(), (Draft d, String field, JsonParser p) -> {
            switch (FieldNames.lower(field)) {
                case "id" -> d.id = values.string(p, field);
                case "@odata.type" -> d.type = values.string(p, field);
                default -> JsonValues.skip(p);
            }
        }, d -> {
            MemberRef ref = new MemberRef(d.id, MemberRef.normaliseType(d.type));
            if (ref.isGroup()) return; // transitive: its users are listed too
            members.add(ref);
            count[0]++;
        }), problems);
        GroupRecord group = GroupRecord.transitive(groupId, members.users(), SourceLocation.startOf(file), count[0]);
        return new GroupsSection(List.of(group), count[0]);
    }
}
