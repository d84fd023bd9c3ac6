package io.trailcheck.model;

/**
 * Tenant-wide user counts: one fact, present only when a users export was read.
 *
 * @param users          all users read
 * @param enabledMembers enabled member users
 * @param enabledGuests  enabled guest users
 * @param unknownMailbox enabled members whose mailbox cannot be determined (no licence data exported)
 * @param location       the first users file, where tenant-wide user findings point
 */
public record DirectorySummary(int users, int enabledMembers, int enabledGuests, int unknownMailbox,
                               SourceLocation location) {
}
