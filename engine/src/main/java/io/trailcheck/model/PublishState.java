package io.trailcheck.model;

/** Whether an export shows the agent as published: findings on a never-published agent say "draft". */
public enum PublishState {
    /** Some source records a publish (publishedOn, lastPublishedDetails, a successful publish operation). */
    PUBLISHED,
    /** A source that records publishing shows none: the agent has only ever been a draft. */
    NEVER_PUBLISHED,
    /** No source says. */
    UNKNOWN
}
