package io.trailcheck.cli.kql;

/**
 * KQL string literals for values that may be hostile. Every character outside printable ASCII, and the quote
 * and backslash, is escaped, so no value can end the literal, start a new line of the query, or hide
 * characters from the person reading it.
 */
final class KqlLiteral {
    private KqlLiteral() {}

    static String of(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7f) b.append(c);
                    else b.append(String.format("\\u%04x", (int) c));
                }
            }
        }
        return b.append('"').toString();
    }
}
