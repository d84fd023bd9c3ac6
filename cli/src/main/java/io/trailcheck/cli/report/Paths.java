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
    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** "3 users" or "3 users, 1 agent user": Entra agent users are counted apart from people. */
    static String users(io.trailcheck.engine.scan.ScanResult.Inventory inv) {
        return count(inv.users(), "user") + (inv.agentUsers() == 0 ? "" : ", " + count(inv.agentUsers(), "agent user"));
    }

    /** One line per agent set aside as not live, for the inventory. */
    static java.util.List<String> notJudged(Path root, java.util.List<io.trailcheck.engine.input.copilotstudio.SetAsideAgent> agents) {
        return agents.stream().map(a -> a.agent() + ": " + a.reason() + " at " + relative(root, a.location().file()) + ":"
                + a.location().line() + "; not judged").toList();
    }

    static boolean isInside(Path root, Path file) {
        return file.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize());
    }
}
