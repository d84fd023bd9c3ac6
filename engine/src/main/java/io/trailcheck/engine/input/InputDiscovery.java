package io.trailcheck.engine.input;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;

import java.io.IOException;
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

    private final List<Path> skipped = new ArrayList<>();

    /**
     * The recognised files below {@code paths}. A symbolic link is followed only when it leads to a file inside
     * one of the scanned folders; links leading elsewhere are not read and are listed in {@link #skipped()}, so a
     * snapshot cannot make the scan read (and quote) files outside itself.
     */
    public List<Found> discover(List<Path> paths, Problems problems) {
        List<Found> found = new ArrayList<>();
        List<Path> roots = new ArrayList<>();
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (Files.isDirectory(p)) realPath(p).ifPresent(roots::add);
        }
        for (Path path : paths) {
            Path p = path.toAbsolutePath().normalize();
            if (!Files.exists(p)) {
                problems.add(Problem.inFile(path, "no such file or folder"));
            } else if (Files.isDirectory(p)) {
                walk(p, roots, found, problems);
            } else {
                InputKind.recognise(p).ifPresentOrElse(k -> found.add(new Found(p, k)),
                        () -> problems.add(Problem.inFile(path, "not a recognised input file (see README, \"Inputs\")")));
            }
        }
        found.sort(Comparator.comparing(Found::kind).thenComparing(f -> f.file().toString()));
        skipped.sort(Comparator.naturalOrder());
        return dedupe(found);
    }

    /** Symbolic links found below the scanned folders that lead outside them, and so were not followed. */
    public List<Path> skipped() {
        return List.copyOf(skipped);
    }

    /**
     * Walks a folder given to scan. A folder given as a symbolic link is walked where it leads (the user
     * named it), its files still named below the path given.
     */
    private void walk(Path root, List<Path> roots, List<Found> found, Problems problems) {
        Path start = Files.isSymbolicLink(root) ? realPath(root).orElse(root) : root;
        java.util.function.UnaryOperator<Path> named = start == root ? f -> f : f -> root.resolve(start.relativize(f));
        try {
            Files.walkFileTree(start, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                    boolean skip = !dir.equals(start) && (name.startsWith(".") || SKIPPED_FOLDERS.contains(name));
                    return skip ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path walked, BasicFileAttributes attrs) {
                    Path file = named.apply(walked);
                    if (attrs.isSymbolicLink()) {
                        link(file, roots, found, problems);
                        return FileVisitResult.CONTINUE;
                    }
                    InputKind.recognise(file).ifPresent(k -> {
                        if (attrs.isRegularFile() && Files.isReadable(walked)) found.add(new Found(file, k));
                        else if (attrs.isRegularFile()) problems.add(Problem.inFile(file, "cannot read: permission denied"));
                    });
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path walked, IOException e) {
                    problems.add(Problem.inFile(named.apply(walked), "cannot read: " + e.getMessage()));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(Problem.inFile(root, "cannot read: " + e.getMessage()));
        }
    }

    /**
     * A link to a recognised file inside the scanned folders is read; a link to a folder inside them is not
     * followed (the folder is scanned where it is); a link leading outside is skipped, whatever its name.
     */
    private void link(Path link, List<Path> roots, List<Found> found, Problems problems) {
        Path target;
        try {
            target = link.toRealPath();
        } catch (java.nio.file.NoSuchFileException e) {
            InputKind.recognise(link).ifPresent(k -> problems.add(Problem.inFile(link, "cannot read: broken symbolic link")));
            return;
        } catch (IOException e) {
            InputKind.recognise(link).ifPresent(k -> problems.add(Problem.inFile(link, "symbolic link loop; not followed")));
            return;
        }
        if (roots.stream().noneMatch(target::startsWith)) {
            skipped.add(link);
        } else if (Files.isRegularFile(target)) {
            InputKind.recognise(link).ifPresent(k -> found.add(new Found(link, k)));
        }
    }

    private static java.util.Optional<Path> realPath(Path p) {
        try {
            return java.util.Optional.of(p.toRealPath());
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static List<Found> dedupe(List<Found> found) {
        List<Found> out = new ArrayList<>();
        Set<Path> seen = new java.util.HashSet<>();
        for (Found f : found) if (seen.add(realPath(f.file()).orElse(f.file()))) out.add(f);
        return out;
    }
}
