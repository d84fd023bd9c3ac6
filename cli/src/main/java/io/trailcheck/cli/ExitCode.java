package io.trailcheck.cli;

/** The documented exit codes; help and README read them from here. */
public enum ExitCode {
    OK(0, "no finding at or above --fail-on (after exemptions and baseline)"),
    FINDINGS(1, "at least one finding at or above --fail-on"),
    INPUT(2, "the invocation or an input is wrong (bad option, unreadable or malformed file, invalid policy, nothing to scan)"),
    RULES(3, "a custom rule does not compile or fails while running"),
    INTERNAL(4, "an internal error (a bug): a one-line message and where the full trace was written");

    public final int code;
    public final String meaning;

    ExitCode(int code, String meaning) {
        this.code = code;
        this.meaning = meaning;
    }
}
