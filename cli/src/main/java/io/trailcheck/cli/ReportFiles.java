package io.trailcheck.cli;

import io.trailcheck.cli.report.ReportContext;
import io.trailcheck.cli.report.ReportFormat;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report files of one run. Their paths are checked before anything is read or written (each a distinct
 * regular file or a new one, in a writable folder, none of them an input); every report is written to a
 * temporary file beside its target, and all are moved into place only when all are complete. If a move fails,
 * the reports already moved are put back as they were: all reports appear or none does. Temporary files are
 * removed on every way out, an error, an out-of-memory or a SIGTERM (shutdown hook) included.
 */
final class ReportFiles {
    /** Writes one file's content: a report format, a query, a merged summary. */
    interface Content {
        void write(ReportContext context, Writer out) throws IOException;
    }

    private record Target(String option, Path path, Path canonical, Content content) {}

    /** A temporary report waiting to replace its target, and the backup of what the target held. */
    private static final class Staged {
        final Target target;
        final Path temp;
        Path backup;
        boolean moved;

        Staged(Target target, Path temp) {
            this.target = target;
            this.temp = temp;
        }
    }

    private final Map<Path, Target> targets = new LinkedHashMap<>();
    private final List<Staged> staged = new ArrayList<>();
    private boolean aborted;

    /** Adds a report; exit 2 when its path cannot be a report or names the same file as another report. */
    void add(String option, Path target, ReportFormat format) {
        add(option, target, (context, out) -> format.writer().write(context, out));
    }

    /** Adds a file of other content; exit 2 as for a report. */
    void add(String option, Path target, Content content) {
        if (target == null) return;
        Path canonical = canonical(target);
        Target earlier = targets.get(canonical);
        if (earlier != null) throw invalid(target, option + " and " + earlier.option() + " name the same file");
        if (Files.exists(canonical) && !Files.isRegularFile(canonical)) {
            throw invalid(target, option + ": not a regular file (a folder, device or FIFO is never replaced by a report)");
        }
        Path folder = existingAncestor(canonical.getParent());
        if (folder == null || !Files.isDirectory(folder) || !Files.isWritable(folder)) {
            throw invalid(target, option + ": the folder " + (folder == null ? canonical.getParent() : folder) + " is not writable");
        }
        targets.put(canonical, new Target(option, target, canonical, content));
    }

    /** Exit 2 when a report would overwrite one of {@code inputs} (snapshot files, policies, rules). */
    void checkNotInputs(Collection<Path> inputs) {
        for (Path input : inputs) {
            Target t = targets.get(canonical(input));
            if (t != null) throw invalid(t.path(), t.option() + ": the report would overwrite an input (" + input + ")");
        }
    }

    void writeAll(ReportContext context) {
        if (targets.isEmpty()) return;
        Thread cleanup = new Thread(this::abort, "trailcheck-report-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        try {
            List<Staged> reports = new ArrayList<>();
            for (Target t : targets.values()) reports.add(stage(t));
            writeEach(reports, context);
            commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report: " + e.getMessage(), e);
        } finally {
            removeLeftovers();
            try {
                Runtime.getRuntime().removeShutdownHook(cleanup);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run; it removes the same files
            }
        }
    }

    private Staged stage(Target t) throws IOException {
        Path dir = t.canonical().getParent();
        Files.createDirectories(dir);
        synchronized (this) {
            if (aborted) throw new IOException("interrupted");
            Staged s = new Staged(t, Files.createTempFile(dir, "." + t.canonical().getFileName(), ".tmp"));
            staged.add(s);
            return s;
        }
    }

    /**
     * Writes the staged reports at once, one per core: each writer only reads the finished scan, and only
     * the SARIF writer has warnings, so what is written and printed does not depend on the order.
     */
    private static void writeEach(List<Staged> reports, ReportContext context) throws IOException {
        try {
            reports.parallelStream().forEach(s -> {
                try {
                    write(s, context);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static void write(Staged s, ReportContext context) throws IOException {
        try (Writer w = Files.newBufferedWriter(s.temp, StandardCharsets.UTF_8)) {
            s.target.content().write(context, w);
        }
        makeReadable(s.temp);
    }

    /** Moves every report into place, or, when one move fails, restores every target it had replaced. */
    private synchronized void commit() throws IOException {
        if (aborted) throw new IOException("interrupted");
        try {
            for (Staged s : staged) {
                if (Files.exists(s.target.canonical(), LinkOption.NOFOLLOW_LINKS)) s.backup = backup(s.target.canonical());
                move(s.temp, s.target.canonical());
                s.moved = true;
            }
        } catch (IOException | RuntimeException | Error e) {
            rollBack();
            throw e;
        }
    }

    private void rollBack() {
        for (Staged s : staged) {
            if (!s.moved) continue;
            try {
                if (s.backup != null) move(s.backup, s.target.canonical());
                else Files.deleteIfExists(s.target.canonical());
                s.backup = null;
            } catch (IOException ignored) {
                // the backup stays beside the target for the user to restore
            }
        }
    }

    /** A hard link to the current target (a copy where links are not supported), to restore it on failure. */
    private static Path backup(Path target) throws IOException {
        Path backup = target.resolveSibling("." + target.getFileName() + "." + System.nanoTime() + ".bak.tmp");
        try {
            Files.createLink(backup, target);
        } catch (IOException | UnsupportedOperationException e) {
            Files.copy(target, backup, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return backup;
    }

    /** SIGTERM: no report moves after this, and no temporary file stays. */
    private synchronized void abort() {
        aborted = true;
        removeLeftovers();
    }

    private synchronized void removeLeftovers() {
        for (Staged s : staged) {
            s.temp.toFile().delete();
            if (s.backup != null) s.backup.toFile().delete();
        }
    }

    /** Temporary files are private; a report is as readable as any file the user writes. */
    private static void makeReadable(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The path with every existing part resolved (symbolic links, "..", letter case where the system folds it). */
    static Path canonical(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null || abs.getFileName() == null ? abs : canonical(parent).resolve(abs.getFileName());
        }
    }

    private static Path existingAncestor(Path dir) {
        Path d = dir;
        while (d != null && !Files.exists(d)) d = d.getParent();
        return d;
    }

    private static InputException invalid(Path target, String message) {
        return new InputException(Problem.inFile(target, message));
    }
}
