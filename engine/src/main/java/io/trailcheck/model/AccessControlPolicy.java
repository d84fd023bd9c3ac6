package io.trailcheck.model;

/** Who may chat with an agent ({@code accesscontrolpolicy}). */
public enum AccessControlPolicy implements CodedValue {
    ANY("Any", 0),
    CHATBOT_READERS("ChatbotReaders", 1),
    GROUP_MEMBERSHIP("GroupMembership", 2),
    ANY_MULTI_TENANT("AnyMultiTenant", 3),
    UNKNOWN("Unknown", -1);

    private final String label;
    private final int code;

    AccessControlPolicy(String label, int code) {
        this.label = label;
        this.code = code;
    }

    @Override public String label() { return label; }
    @Override public int code() { return code; }
}
