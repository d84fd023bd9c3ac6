package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

/** The users one file lists, in columns. */
public record UsersSection(UserDirectory.Builder users) implements Section {
    @Override
    public InputSection section() {
        return InputSection.USERS;
    }

    @Override
    public int records() {
        return users.size();
    }
}
