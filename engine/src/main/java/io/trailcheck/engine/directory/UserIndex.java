package io.trailcheck.engine.directory;

/** Finds a user by directory id: what group readers need to turn member ids into users. */
public interface UserIndex {
    /** The index of a user by directory id (any letter case), or -1. */
    int indexOf(String id);

    /** The index of a user by a GUID id given as its two halves (see {@link MemberIds}), or -1. */
    int indexOfGuid(long high, long low);
}
