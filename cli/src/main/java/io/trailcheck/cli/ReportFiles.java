package io.trailcheck.cli;

import io.trailcheck.cli.report.ReportContext;
import io.trailcheck.cli.report.ReportFormat;
import io.trailcheck.cli.report.ReportWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes every requested report to a temporary file beside its target, and moves them into place only
 * when all are complete: a failed run leaves no half-written report.
 */
final class ReportFiles {
    /** Writes one file's content. */
    interface Content {
        void write(ReportContext context, Writer out) throws IOException;
    }

    private final Map<Path, Content> targets = new LinkedHashMap<>();

    void add(Path target, ReportFormat format) {
        add(target, (context, out) -> format.writer().write(context, out));
    }

    void add(Path target, Content content) {
        if (target != null) targets.put(target, content);
    }

    void writeAll(ReportContext context) {
        List<Path[]> staged = new ArrayList<>();
        try {
            for (Map.Entry<Path, Content> t : targets.entrySet()) {
                Path target = t.getKey().toAbsolutePath();
                Path dir = target.getParent();
                if (dir != null) Files.createDirectories(dir);
                Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
                staged.add(new Path[]{tmp, target});
                try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    t.getValue().write(context, w);
                }
                makeReadable(tmp);
            }
            for (Path[] s : staged) move(s[0], s[1]);
        } catch (IOException e) {
            staged.forEach(s -> s[0].toFile().delete());
            throw new UncheckedIOException("cannot write report: " + e.getMessage(), e);
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
}
