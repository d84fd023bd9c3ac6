package io.trailcheck.collect;

/** Makes values from a server or the command line safe to print on one line. */
public final class Text {
    private static final int MAX = 300;
    private static final java.util.regex.Pattern GUID = java.util.regex.Pattern.compile("[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}");

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

    /** A directory or application id: the only values that become part of a URL path or a file name. */
    public static boolean isGuid(String value) {
        return value != null && GUID.matcher(value).matches();
    }
}
