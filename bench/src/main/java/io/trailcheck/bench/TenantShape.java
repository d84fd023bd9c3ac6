package io.trailcheck.bench;

/**
 * The size of a synthetic tenant.
 *
 * @param users  users
 * @param groups groups in groups.json
 * @param agents agents (workspaces for most, all in bots.json)
 * @param seed   the random seed: the same shape and seed give byte-identical files
 */
public record TenantShape(int users, int groups, int agents, long seed) {

    /** The shapes the benchmark measures: groups and agents grow with users up to the 1M target. */
    public static TenantShape ofUsers(int users, long seed) {
        int groups = Math.max(50, Math.min(20_000, users / 50));
        int agents = Math.max(20, Math.min(5_000, users / 200));
        return new TenantShape(users, groups, agents, seed);
    }
}
