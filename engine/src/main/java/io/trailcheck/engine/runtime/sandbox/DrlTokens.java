package io.trailcheck.engine.runtime.sandbox;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits DRL text into the tokens the code check reads: identifiers, string literals (double- or
 * single-quoted, as DRL constraints allow) and single punctuation characters, each with its line. Comments
 * and whitespace are dropped. It errs towards code: anything it does not recognise as a comment or a string
 * is checked as code.
 */
final class DrlTokens {
    enum Kind { IDENTIFIER, STRING, PUNCTUATION }

    record Token(Kind kind, String text, int line) {
        boolean is(String s) {
            return kind != Kind.STRING && text.equals(s);
        }
    }

    private DrlTokens() {}

    static List<Token> of(String drl) {
        List<Token> out = new ArrayList<>();
        int line = 1;
        int i = 0;
        int n = drl.length();
        while (i < n) {
            char c = drl.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (drl.startsWith("//", i)) {
                while (i < n && drl.charAt(i) != '\n') i++;
            } else if (drl.startsWith("/*", i)) {
                int end = drl.indexOf("*/", i + 2);
                end = end < 0 ? n : end + 2;
                line += count(drl, i, end);
                i = end;
            } else if (c == '"' || c == '\'') {
                int end = endOfString(drl, i, c);
                out.add(new Token(Kind.STRING, drl.substring(i + 1, Math.max(i + 1, end - 1)), line));
                line += count(drl, i, end);
                i = end;
            } else if (Character.isJavaIdentifierStart(c)) {
                int start = i;
                while (i < n && Character.isJavaIdentifierPart(drl.charAt(i))) i++;
                out.add(new Token(Kind.IDENTIFIER, drl.substring(start, i), line));
            } else {
                out.add(new Token(Kind.PUNCTUATION, String.valueOf(c), line));
                i++;
            }
        }
        return out;
    }

    /** The index after the closing quote (or the end of the text), honouring backslash escapes. */
    private static int endOfString(String drl, int open, char quote) {
        int i = open + 1;
        while (i < drl.length()) {
            char c = drl.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == quote) {
                return i + 1;
            } else {
                i++;
            }
        }
        return drl.length();
    }

    private static int count(String s, int from, int to) {
        int lines = 0;
        for (int i = from; i < Math.min(to, s.length()); i++) if (s.charAt(i) == '\n') lines++;
        return lines;
    }

    /**
     * The line of the first Unicode escape outside an escaped backslash, or 0. Java translates
     * {@code \u0022} before it reads strings and comments, so an escape could hide code from this check.
     */
    static int firstUnicodeEscape(String drl) {
        int line = 1;
        for (int i = 0; i < drl.length(); i++) {
            char c = drl.charAt(i);
            if (c == '\n') line++;
            if (c != '\\') continue;
            int run = 1;
            while (i + run < drl.length() && drl.charAt(i + run) == '\\') run++;
            if (run % 2 == 1 && i + run < drl.length() && drl.charAt(i + run) == 'u') return line;
            i += run - 1;
        }
        return 0;
    }
}
