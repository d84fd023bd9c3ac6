package io.trailcheck.cli.report;

import io.trailcheck.engine.text.SafeText;

/**
 * Makes text from inputs and rules inert in GitHub Markdown: it stays on its line and becomes no heading,
 * link, image, emphasis, table cell, HTML, math, @mention or #reference. Markup characters become numeric
 * character references (shown as themselves, never parsed); {@code @} and {@code #} are followed by a
 * zero-width space, because GitHub finds mentions and references in the rendered text.
 */
final class MarkdownText {
    private static final String MARKUP = "\\`*_[]<>|~$:&+-=.";
    private static final char ZERO_WIDTH_SPACE = '\u200B';

    private MarkdownText() {}

    /** Text for anywhere in a line (list item, table cell, paragraph). */
    static String escape(String s) {
        if (s == null) return "";
        String text = SafeText.escape(s);
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '@' || c == '#') {
                out.append("&#").append((int) c).append(';').append(ZERO_WIDTH_SPACE);
            } else if (MARKUP.indexOf(c) >= 0 && needsEscape(text, i)) {
                out.append("&#").append((int) c).append(';');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Punctuation that forms markup only in one position stays as it is elsewhere, so ordinary messages read
     * the same in the source: '.' only after "www" (an autolink), ':' only before something other than a
     * space (a scheme, as in https://), '-' '+' '=' only first (a list item or heading underline). Everything
     * else in {@link #MARKUP} is always escaped. Parentheses need no escape: no '[' reaches the output.
     */
    private static boolean needsEscape(String text, int i) {
        char c = text.charAt(i);
        if (c == '.') return i >= 3 && text.regionMatches(true, i - 3, "www", 0, 3);
        if (c == ':') return i + 1 < text.length() && text.charAt(i + 1) != ' ';
        if (c == '-' || c == '+' || c == '=') return i == 0;
        return true;
    }

    /** A code span holding {@code s} literally, whatever backticks it contains. */
    static String code(String s) {
        String text = SafeText.escape(s == null ? "" : s);
        int longest = 0, run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        String pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
        return fence + pad + text + pad + fence;
    }

    /** A path as a link destination: percent-encoded, so no character can end the link or start another. */
    static String urlPath(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/".indexOf(c) >= 0;
            if (plain) out.append((char) c);
            else out.append('%').append(String.format("%02X", c));
        }
        return out.toString();
    }
}
