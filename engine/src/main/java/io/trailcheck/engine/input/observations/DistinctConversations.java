package io.trailcheck.engine.input.observations;

/**
 * Remembers which conversation ids have been passed on, as 64-bit hashes, so that a conversation told by
 * several events (every user message is a {@code BotMessageReceived}) or by several files and sources is
 * counted once. One instance serves every conversation file of a scan.
 */
public final class DistinctConversations {
    private final LongHashSet seen = new LongHashSet();

    /** True the first time a conversation id is offered; always true for a conversation without an id. */
    public boolean first(String conversationId) {
        return conversationId == null || conversationId.isBlank() || seen.add(Keys.of(conversationId));
    }

    public int size() {
        return seen.size();
    }
}
