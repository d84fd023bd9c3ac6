package io.trailcheck.cli.report;

import java.nio.file.Path;

/** How reports name files: relative to a root, with forward slashes. */
final class Paths {
    private Paths() {}

    static String relative(Path root, Path file) {
        Path abs = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        String s = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        return s.replace('\\', '/');
    }

    static boolean isInside(Path root, Path file) {
        return file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }
}
