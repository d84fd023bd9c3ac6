package io.trailcheck.collect;

/** Makes values from a server or the command line safe to print on one line. */
public final class Text {
    private static final int MAX = 300;

    private Text() {}

    /** Control characters (newlines, ANSI escapes) become spaces; long values are cut. */
    public static String printable(String value) {
        if (value == null) return "";
        StringBuilder out = new StringBuilder(Math.min(value.length(), MAX));
        for (int i = 0; i < value.length() && out.length() < MAX; i++) {
            char c = value.charAt(i);
            out.append(Character.isISOControl(c) ? ' ' : c);
        }
        if (value.length() > MAX) out.append('…');
        return out.toString();
    }

    public static String quoted(String value) {
        return "\"" + printable(value) + "\"";
    }
}
