package io.trailcheck.engine.input.nativeformat;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;
import io.trailcheck.model.SourceLocation;

import java.util.List;

/**
 * Groups of the native format: each with its complete membership as user ids, resolved against every users
 * export once all of them are read.
 */
public record NativeGroupsSection(List<NativeGroup> groups) implements Section {
    /** One group and its members' ids. */
    public record NativeGroup(String id, List<String> members, SourceLocation location) {}

    public NativeGroupsSection {
        groups = List.copyOf(groups);
    }

    @Override
    public InputSection section() {
        return InputSection.GROUPS;
    }

    @Override
    public int records() {
        return 0;
    }
}
