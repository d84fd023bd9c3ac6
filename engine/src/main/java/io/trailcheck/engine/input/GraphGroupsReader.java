package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.SourceLocation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Graph {@code GET /v1.0/groups?$expand=members($select=id)}: groups, with their direct members where
 * expanded. Members that are groups are kept for nesting; devices and other objects are not users.
 */
final class GraphGroupsReader extends CollectionReader {

    GraphGroupsReader(GraphCollection collection) {
        super(collection);
    }

    private static final class Draft {
        final SourceLocation at;
        String id, displayName;
        Members members;

        Draft(SourceLocation at) {
            this.at = at;
        }
    }

    @Override
    RecordReader<?> records(Path file, Intake intake, Runnable counted) {
        JsonValues values = new JsonValues(file, intake.problems);
        return RecordReader.of(Draft::new, (Draft d, String name, JsonParser p) -> {
            switch (FieldNames.lower(name)) {
                case "id" -> d.id = values.string(p, name);
                case "displayname" -> d.displayName = values.string(p, name);
                case "members" -> {
                    Members m = new Members(intake);
                    if (values.objects(p, name, member -> m.add(MemberRef.read(member, values)))) d.members = m;
                }
                default -> JsonValues.skip(p);
            }
        }, d -> {
            if (d.id == null) {
                intake.problems.add(new Problem(file, d.at.line(), d.at.column(), "group without an \"id\""));
                return;
            }
            Members m = d.members == null ? new Members(intake) : d.members;
            intake.groups.addGroup(d.id, d.displayName, d.at, m.users(), m.nestedGroups, d.members != null);
            counted.run();
        });
    }

    /** Accumulates one group's members as user indexes and nested group ids. */
    static final class Members {
        private final Intake intake;
        private int[] users = new int[8];
        private int size;
        final List<String> nestedGroups = new ArrayList<>();

        Members(Intake intake) {
            this.intake = intake;
        }

        void add(MemberRef ref) {
            if (ref.id() == null) return;
            if (ref.isGroup()) {
                nestedGroups.add(ref.id());
                return;
            }
            if (!ref.mayBeUser()) return;
            int index = intake.users.indexOf(ref.id());
            if (index < 0) return;
            if (size == users.length) users = java.util.Arrays.copyOf(users, size * 2);
            users[size++] = index;
        }

        int[] users() {
            return java.util.Arrays.copyOf(users, size);
        }
    }
}
