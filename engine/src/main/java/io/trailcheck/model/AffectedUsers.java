package io.trailcheck.model;

import java.util.List;

/**
 * The users behind a finding's counts, kept out of the rule engine's working memory: rules see counts,
 * reports ask for the users. Implementations share one list between agents with the same audience.
 */
public interface AffectedUsers {

    /** A user named in a report: directory id, principal name, and why they are counted. */
    record User(String id, String userPrincipalName, String reason) {}

    AffectedUsers NONE = (reasonsFilter) -> List.of();

    /**
     * The users whose reason is one of the given ids (mailbox reasons such as {@code plan-disabled}, or
     * {@code guest}); all of them when the filter is empty.
     */
    List<User> list(List<String> reasonsFilter);

    /** Only the guests. */
    default AffectedUsers guests() {
        return filter -> list(List.of("guest"));
    }

    /** Only the members (users counted for a missing mailbox). */
    default AffectedUsers members() {
        return filter -> list(filter).stream().filter(u -> !"guest".equals(u.reason())).toList();
    }
}
