package io.trailcheck.collect;

import java.time.Duration;

/**
 * How long Graph's published throttling budget lets a collection take, at best. Identity and access calls cost
 * resource units — list users 2, list groups 2, transitive members 5, subscribedSkus 3, each one less with
 * {@code $select} (a {@code $expand} adds one) — against a budget per app per tenant of 3,500 units per 10 s
 * below 50 users, 5,000 up to 500 users and 8,000 above (learn.microsoft.com/graph/throttling-limits,
 * "Identity and access service limits").
 */
public record ThrottlingEstimate(long users, long groups, long restrictedGroups, long requests, long units, Duration atLeast,
                                 Duration sequentialPages) {
    static final int USERS_PER_PAGE = 999;
    static final int GROUPS_PER_PAGE = 100;

    public static ThrottlingEstimate of(long users, long groups, long restrictedGroups) {
        long userPages = pages(users, USERS_PER_PAGE);
        long groupPages = pages(groups, GROUPS_PER_PAGE);
        long memberPages = restrictedGroups; // a page each, most groups: 100 members
        long units = userPages * (2 - 1) + groupPages * (2 - 1 + 1) + memberPages * (5 - 1) + (3 - 0);
        long budgetPer10s = users < 50 ? 3_500 : users <= 500 ? 5_000 : 8_000;
        Duration atLeast = Duration.ofMillis(units * 10_000 / budgetPer10s);
        // Users and groups are each one chain of next links: one page at a time, about a second a page.
        Duration sequential = Duration.ofSeconds(userPages + groupPages);
        return new ThrottlingEstimate(users, groups, restrictedGroups, userPages + groupPages + memberPages + 1, units, atLeast, sequential);
    }

    private static long pages(long items, int perPage) {
        return Math.max(1, (items + perPage - 1) / perPage);
    }

    public String render() {
        return String.format("estimate: %,d users, %,d groups, %,d restricted groups: about %,d requests, %,d throttling units; "
                        + "Graph's budget allows it in no less than %s; at about a second a page, about %s",
                users, groups, restrictedGroups, requests, units, human(atLeast), human(atLeast.compareTo(sequentialPages) > 0 ? atLeast : sequentialPages));
    }

    static String human(Duration d) {
        long s = Math.max(1, d.toSeconds());
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
