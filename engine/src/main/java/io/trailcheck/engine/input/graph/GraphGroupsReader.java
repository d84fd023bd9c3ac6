package io.trailcheck.engine.input.graph;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.directory.UserIndex;
import io.trailcheck.engine.input.CollectionReader;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph {@code GET /v1.0/groups?$expand=members($select=id)}: groups, with their direct members where
 * expanded. Members that are groups are kept for nesting; devices and other objects are not users.
 */
public final class GraphGroupsReader {
    private final CollectionReader collection;
    private final UserIndex users;

    /** Members are resolved against {@code users}, the users every users export gave. */
    public GraphGroupsReader(GraphCollection collection, UserIndex users) {
        this.collection = new CollectionReader(collection);
        this.users = users;
    }

    private static final class Draft {
        final SourceLocation at;
        String id, displayName;
        Members members;

        Draft(SourceLocation at) {
            this.at = at;
        }
    }

    public GroupsSection read(Path file, Problems problems) {
        List<GroupRecord> groups = new ArrayList<>();
        int count = collection.read(file, problems, counted -> records(file, problems, groups, counted));
        return new GroupsSection(groups, count);
    }

    private RecordReader<?> records(Path file, Problems problems, List<GroupRecord> groups, Runnable counted) {
        JsonValues values = new JsonValues(file, problems);
        return RecordReader.of(Draft::new, (Draft d, String name, JsonParser p) -> {
            switch (FieldNames.lower(name)) {
                case "id" -> d.id = values.string(p, name);
                case "displayname" -> d.displayName = values.string(p, name);
                case "members" -> {
                    Members m = new Members(users);
                    if (values.objects(p, name, member -> m.add(MemberRef.read(member, values)))) d.members = m;
                }
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.id == null) {
                problems.add(new Problem(file, d.at.line(), d.at.column(), "group without an \"id\""));
                return;
            }
            Members m = d.members == null ? new Members(users) : d.members;
            groups.add(new GroupRecord(d.id, d.displayName, d.at, m.users(), List.copyOf(m.nestedGroups),
                    d.members != null, false, 1));
            counted.run();
        });
    }

    /** Accumulates one group's members as user indexes and nested group ids. */
    public static final class Members {
        private final UserIndex directory;
        private int[] users = new int[8];
        private int size;
        final List<String> nestedGroups = new ArrayList<>();

        public Members(UserIndex directory) {
            this.directory = directory;
        }

        public void add(MemberRef ref) {
            if (ref.id() == null) return;
            if (ref.isGroup()) {
                nestedGroups.add(ref.id());
                return;
            }
            if (!ref.mayBeUser()) return;
            int index = directory.indexOf(ref.id());
            if (index < 0) return;
            if (size == users.length) users = java.util.Arrays.copyOf(users, size * 2);
            users[size++] = index;
        }

        public int[] users() {
            return java.util.Arrays.copyOf(users, size);
        }
    }
}
