package io.trailcheck.cli.report.html;

/** Where a finding's location links: the GitHub blob line inside Actions, the relative file otherwise. */
final class Links {
    private Links() {}

    static String href(ViewOptions options, String file, int line) {
        if (file.isEmpty()) return "";
        String path = encode(file);
        if (options.linkBase() == null || file.startsWith("/")) return path;
        return options.linkBase() + path + "#L" + line;
    }

    /** Percent-encodes what a path may hold that a URL may not; keeps the slashes. */
    private static String encode(String file) {
        StringBuilder sb = new StringBuilder();
        for (byte b : file.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "/-._~".indexOf(c) >= 0) sb.append(c);
            else sb.append('%').append(String.format("%02X", b & 0xff));
        }
        return sb.toString();
    }
}
