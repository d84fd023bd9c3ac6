package io.trailcheck.engine.directory;

/** Bits summarising a user's {@code assignedPlans}, reduced while streaming to what mailbox derivation needs. */
public final class AssignedPlans {
    private AssignedPlans() {}

    /** assignedPlans was in the export. */
    public static final byte EXPORTED = 1;
    /** ... and held at least one plan. */
    public static final byte NON_EMPTY = 2;
    /** A mailbox plan is Enabled or Warning. */
    public static final byte MAILBOX_ENABLED = 4;
    /** A mailbox plan is Suspended, LockedOut or Deleted. */
    public static final byte MAILBOX_SUSPENDED = 8;
    /** An Exchange Foundation plan is present. */
    public static final byte FOUNDATION = 16;

    static boolean has(byte bits, byte flag) {
        return (bits & flag) != 0;
    }
}
