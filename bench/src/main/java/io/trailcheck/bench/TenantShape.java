package io.trailcheck.bench;

/**
 * The size of a synthetic tenant.
 *
 * @param users         users
 * @param groups        groups in groups.json
 * @param agents        agents (workspaces for most, all in bots.json)
 * @param conversations observed conversations in telemetry and transcripts (0: none written)
 * @param auditRecords  audit records in the audit exports, of every operation (0: none written)
 * @param seed          the random seed: the same shape and seed give byte-identical files
 */
public record TenantShape(int users, int groups, int agents, int conversations, long auditRecords, long seed) {

    /** The shapes the benchmark measures: groups and agents grow with users up to the 1M target. */
    public static TenantShape ofUsers(int users, long seed) {
        int groups = Math.max(50, Math.min(20_000, users / 50));
        int agents = Math.max(20, Math.min(5_000, users / 200));
        return new TenantShape(users, groups, agents, 0, 0, seed);
    }

    /** With audit and telemetry exports: a conversation per user, five audit records per conversation. */
    public TenantShape withObservations() {
        return new TenantShape(users, groups, agents, users, 5L * users, seed);
    }
}
