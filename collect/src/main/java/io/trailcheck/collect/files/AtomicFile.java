package io.trailcheck.collect.files;

import io.trailcheck.collect.CollectException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A snapshot file is written beside itself as {@code .<name>.part} and moved into place only when complete,
 * so an interrupted run leaves either the whole file or none (scan ignores {@code .part} files).
 */
public final class AtomicFile {
    private AtomicFile() {}

    public static Path partOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    /** Creates the folder of {@code target} and returns its part file. */
    public static Path prepare(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return partOf(target);
        } catch (IOException e) {
            throw new CollectException("cannot create " + target.getParent() + ": " + e.getMessage(), e);
        }
    }

    public static void commit(Path part, Path target) {
        try {
            try {
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new CollectException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    public static void writeString(Path target, String content) {
        Path part = prepare(target);
        try {
            Files.writeString(part, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        commit(part, target);
    }

    /** Removes a part file that will not be committed. */
    public static void discard(Path part) {
        try {
            Files.deleteIfExists(part);
        } catch (IOException ignored) {
            // a leftover part file is overwritten by the next run, and scan ignores it
        }
    }
}
