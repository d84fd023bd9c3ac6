package io.trailcheck.model;

import java.util.List;

/**
 * The users behind a finding's counts, kept out of the rule engine's working memory: rules see counts,
 * reports ask for the users. One instance is shared by every agent with the same audience, so a report can
 * write each set once.
 */
public interface AffectedUsers {

    /** A user named in a report: directory id, principal name, and why they are counted. */
    record User(String id, String userPrincipalName, String reason) {}

    AffectedUsers NONE = new AffectedUsers() {
        @Override
        public int size() {
            return 0;
        }

        @Override
        public List<User> list(int max) {
            return List.of();
        }
    };

    int size();

    /** At most {@code max} of the users, ordered by id without letter case (independent of input order). */
    List<User> list(int max);

    /** All the users, ordered by id without letter case. */
    default List<User> list() {
        return list(Integer.MAX_VALUE);
    }
}
