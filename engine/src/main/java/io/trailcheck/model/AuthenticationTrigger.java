package io.trailcheck.model;

/** When users sign in ({@code authenticationtrigger}): as needed, or always at conversation start. */
public enum AuthenticationTrigger implements CodedValue {
    AS_NEEDED("AsNeeded", 0),
    ALWAYS("Always", 1),
    UNKNOWN("Unknown", -1);

    private final String label;
    private final int code;

    AuthenticationTrigger(String label, int code) {
        this.label = label;
        this.code = code;
    }

    @Override public String label() { return label; }
    @Override public int code() { return code; }
}
