package io.trailcheck.engine.text;

/**
 * Makes text from an input safe to print on one line of a terminal or log: control characters, ANSI escapes,
 * line and paragraph separators and bidirectional overrides become visible escapes ({@code \n}, {@code \u001b}),
 * so a value can neither start a new line nor steer the terminal.
 */
public final class SafeText {
    private SafeText() {}

    /** The text with every character that could change the display escaped; null stays null. */
    public static String escape(String s) {
        if (s == null || s.chars().noneMatch(SafeText::isUnsafe)) return s;
        StringBuilder out = new StringBuilder(s.length() + 16);
        s.codePoints().forEach(c -> {
            if (!isUnsafe(c)) out.appendCodePoint(c);
            else if (c == '\n') out.append("\\n");
            else if (c == '\r') out.append("\\r");
            else if (c == '\t') out.append("\\t");
            else out.append(String.format("\\u%04x", c));
        });
        return out.toString();
    }

    /** A short, escaped excerpt for a message: at most {@code max} characters of the input, then an ellipsis. */
    public static String excerpt(String s, int max) {
        if (s == null) return null;
        String cut = s.length() <= max ? s : s.substring(0, Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max) + "…";
        return escape(cut);
    }

    /** Control characters (C0, DEL, C1), line/paragraph separators, and bidirectional formatting characters. */
    public static boolean isUnsafe(int c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0x061C
                || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
    }
}
