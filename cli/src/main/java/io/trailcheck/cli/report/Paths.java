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

    /** "Read 1 file", "Read 3 files". */
    /** One line per agent set aside as not live, for the inventory. */
    static java.util.List<String> notJudged(Path root, java.util.List<io.trailcheck.engine.input.copilotstudio.SetAsideAgent> agents) {
        return agents.stream().map(a -> a.agent() + ": " + a.reason() + " at " + relative(root, a.location().file()) + ":"
                + a.location().line() + "; not judged").toList();
    }

    static boolean isInside(Path root, Path file) {
        return file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }
}
