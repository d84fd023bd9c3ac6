package io.trailcheck.engine.input;

/**
 * What one file says about one part of the tenant, with the locations of what it says. Readers return
 * sections; {@link SnapshotAssembler} merges them into a {@link Snapshot}. No section knows the policy.
 */
public interface Section {
    /** Which part of the snapshot this is. */
    InputSection section();

    /** How many records (agents, users, groups, SKUs, members, settings) the file held. */
    int records();
}
