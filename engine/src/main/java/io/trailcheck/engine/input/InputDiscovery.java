package io.trailcheck.engine.input;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;

import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Finds the recognised files below the scanned paths, in reading order. Hidden folders are skipped. */
public final class InputDiscovery {
    private static final Set<String> SKIPPED_FOLDERS = Set.of("node_modules", "target");

    public record Found(Path file, InputKind kind) {}

    public List<Found> discover(List<Path> paths, Problems problems) {
        List<Found> found = new ArrayList<>();
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                problems.add(Problem.inFile(path, "no such file or folder"));
            } else if (Files.isDirectory(p)) {
                walk(p, found, problems);
            } else {
                InputKind.recognise(p).ifPresentOrElse(k -> found.add(new Found(p, k)),
                        () -> problems.add(Problem.inFile(path, "not a recognised input file (see README, \"Inputs\")")));
            }
        }
        found.sort(Comparator.comparing(Found::kind).thenComparing(f -> f.file().toString()));
        return dedupe(found);
    }

    private static void walk(Path root, List<Found> found, Problems problems) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(root) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    InputKind.recognise(file).ifPresent(k -> {
                        if (attrs.isRegularFile() && Files.isReadable(file)) found.add(new Found(file, k));
                        else if (attrs.isSymbolicLink()) problems.add(Problem.inFile(file, "cannot read: broken symbolic link"));
                        else if (attrs.isRegularFile()) problems.add(Problem.inFile(file, "cannot read: permission denied"));
                    });
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    String why = e instanceof FileSystemLoopException ? "symbolic link loop; not followed"
                            : "cannot read: " + e.getMessage();
                    problems.add(Problem.inFile(file, why));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.inFile(root, "cannot read: " + e.getMessage()));
        }
    }

    private static List<Found> dedupe(List<Found> found) {
        List<Found> out = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (Found f : found) if (seen.add(f.file())) out.add(f);
        return out;
    }
}
