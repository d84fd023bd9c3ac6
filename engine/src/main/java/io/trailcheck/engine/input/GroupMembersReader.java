package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code group-members/<groupId>.json}: Graph {@code GET /v1.0/groups/{id}/transitiveMembers}, the complete
 * membership of one group. Nested groups, devices and service principals are not users.
 */
final class GroupMembersReader implements InputReader {
    private final GraphCollection collection;

    GroupMembersReader(GraphCollection collection) {
        this.collection = collection;
    }

    private static final class Draft {
        String id, type;
    }

    @Override
    public int read(Path file, Intake intake) {
        String name = file.getFileName().toString();
        String groupId = name.substring(0, name.length() - ".json".length());
        JsonValues values = new JsonValues(file, intake.problems);
        GraphGroupsReader.Members members = new GraphGroupsReader.Members(intake);
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
        }), intake.problems);
        intake.groups.setTransitiveMembers(groupId, members.users(), SourceLocation.startOf(file));
        return count[0];
    }
}
