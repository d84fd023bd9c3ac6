package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

import java.util.List;

/** The groups one file gives, with their memberships. */
public record GroupsSection(List<GroupRecord> groups, int records) implements Section {
    @Override
    public InputSection section() {
        return InputSection.GROUPS;
    }
}
