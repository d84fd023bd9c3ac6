package io.trailcheck.collect.files;

import io.trailcheck.collect.CollectException;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every page of one collection in one file, as a JSON array of the pages exactly as they came
 * ({@code [page1,page2,…]}) — the shape scan reads for {@code bots.json} and {@code group-members/<id>.json},
 * whose names allow no page number. Written to the part file; {@link #commit()} moves it into place.
 */
public final class PageArrayFile implements AutoCloseable {
    private final Path target;
    private final Path part;
    private final OutputStream out;
    private int pages;

    public PageArrayFile(Path target) {
        this.target = target;
        this.part = AtomicFile.prepare(target);
        try {
            this.out = Files.newOutputStream(part);
            out.write('[');
        } catch (IOException e) {
            throw new CollectException("cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    public Path target() {
        return target;
    }

    public void append(Path page) {
        try {
            if (pages++ > 0) out.write(",\n".getBytes());
            Files.copy(page, out);
        } catch (IOException e) {
            throw new CollectException("cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    public void append(byte[] page) {
        try {
            if (pages++ > 0) out.write(",\n".getBytes());
            out.write(page);
        } catch (IOException e) {
            throw new CollectException("cannot write " + part + ": " + e.getMessage(), e);
        }
    }

    public void commit() {
        try {
            out.write(']');
            out.close();
        } catch (IOException e) {
            throw new CollectException("cannot write " + part + ": " + e.getMessage(), e);
        }
        AtomicFile.commit(part, target);
    }

    /** Abandons an uncommitted file. */
    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // nothing to keep
        }
        try {
            if (Files.exists(part)) Files.delete(part);
        } catch (IOException ignored) {
            // overwritten by the next run
        }
    }
}
