package io.trailcheck.model;

/** Copilot Studio agent authentication ({@code authenticationmode} / {@code authenticationMode}). */
public enum AuthenticationMode implements CodedValue {
    UNSPECIFIED("Unspecified", 0),
    NONE("None", 1),
    INTEGRATED("Integrated", 2),
    CUSTOM_AZURE_ACTIVE_DIRECTORY("CustomAzureActiveDirectory", 3),
    GENERIC_OAUTH2("GenericOAuth2", 4),
    /** A value trailcheck cannot classify; reported by CIL011 and by no other rule. */
    UNKNOWN("Unknown", -1);

    private final String label;
    private final int code;

    AuthenticationMode(String label, int code) {
        this.label = label;
        this.code = code;
    }

    @Override public String label() { return label; }
    @Override public int code() { return code; }

    /** "Authenticate manually": a custom Entra ID app or a generic OAuth2 provider. */
    public boolean isManual() {
        return this == CUSTOM_AZURE_ACTIVE_DIRECTORY || this == GENERIC_OAUTH2;
    }
}
