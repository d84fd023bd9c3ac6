package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.directory.IdIndex;
import io.trailcheck.engine.directory.MemberIds;
import io.trailcheck.engine.directory.UserIndex;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.parse.TextCache;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
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

    /** One member: its id as a GUID's two halves, or as text; its normalised type. */
    private static final class Draft {
        boolean guid;
        long high, low;
        String text, type;

        boolean hasId() {
            return guid || text != null;
        }
    }

    /** The id the parser is on; a GUID is read from the parser's characters, making no string. */
    private static void readId(Draft d, JsonParser p, JsonValues values, String field) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_STRING) {
            char[] text = p.getTextCharacters();
            int offset = p.getTextOffset();
            if (IdIndex.isGuid(text, offset, p.getTextLength())) {
                d.guid = true;
                d.high = IdIndex.high(text, offset);
                d.low = IdIndex.low(text, offset);
                d.text = null;
                return;
            }
        }
        d.guid = false;
        d.text = values.string(p, field);
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
        TextCache types = new TextCache(MemberRef::normaliseType);
        int[] count = {0};
        collection.read(file, RecordReader.of(at -> new Draft(), (Draft d, String field, JsonParser p) -> {
            switch (FieldNames.lower(field)) {
                case "id" -> readId(d, p, values, field);
                case "@odata.type" -> d.type = p.currentToken() == JsonToken.VALUE_STRING ? types.of(p)
                        : MemberRef.normaliseType(values.string(p, field));
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (MemberRef.isGroup(d.type)) return; // transitive: its users are listed too
            if (d.hasId() && MemberRef.mayBeUser(d.type)) {
                if (d.guid) ids.addGuid(d.high, d.low);
                else ids.add(d.text);
            }
            count[0]++;
        }), problems);
        return new Members(groupId, SourceLocation.startOf(file), ids, count[0]);
    }
}
