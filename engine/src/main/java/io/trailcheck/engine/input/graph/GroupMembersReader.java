package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.MemberIds;
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
 * membership of one group. Nested groups, devices and service principals are not users. A file is read
 * before the users are known ({@link #collect}) and its members resolved once they are ({@link Members#resolve}).
 */
public final class GroupMembersReader {
    private final GraphCollection collection;

    public GroupMembersReader(GraphCollection collection) {
        this.collection = collection;
    }

    private static final class Draft {
        String id, type;
    }

    /** One member file's group and the ids of the members that may be users. */
    public record Members(String groupId, SourceLocation location, MemberIds ids, int records) {
        public GroupsSection resolve(UserIndex users) {
            return new GroupsSection(List.of(GroupRecord.transitive(groupId, ids.resolve(users), location, records)), records);
        }
    }

    public Members collect(Path file, Problems problems) {
        String name = file.getFileName().toString();
        String groupId = name.substring(0, name.length() - ".json".length());
        JsonValues values = new JsonValues(file, problems);
        MemberIds ids = new MemberIds();
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
            if (ref.id() != null && ref.mayBeUser()) ids.add(ref.id());
            count[0]++;
        }), problems);
        return new Members(groupId, SourceLocation.startOf(file), ids, count[0]);
    }
}
