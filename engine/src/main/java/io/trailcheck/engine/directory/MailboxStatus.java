package io.trailcheck.engine.directory;

/**
 * A user's effective Exchange Online mailbox: present, unknown (the exports cannot tell), or absent for
 * the first reason that applies, in the order the rule catalogue gives.
 */
public enum MailboxStatus {
    PRESENT(null),
    UNKNOWN(null),
    LICENSE_ERROR("license-error"),
    PLAN_DISABLED("plan-disabled"),
    PLAN_SUSPENDED("plan-suspended"),
    FOUNDATION_ONLY("foundation-only"),
    NO_EXCHANGE_PLAN("no-exchange-plan");

    private static final MailboxStatus[] VALUES = values();
    private final String reason;

    MailboxStatus(String reason) {
        this.reason = reason;
    }

    /** The public reason id (license-error, …); null for PRESENT and UNKNOWN. */
    public String reason() {
        return reason;
    }

    public boolean isAbsent() {
        return reason != null;
    }

    static MailboxStatus ofCode(byte code) {
        return VALUES[code];
    }

    byte code() {
        return (byte) ordinal();
    }
}
