package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads one large collection export on several cores. The file is cut where a record seems to start near
 * equal byte offsets, and each part after the first is parsed from the file's opening (every byte before
 * its first record) followed by the bytes from its cut, so it meets the same nesting as the whole file.
 * A cut is only a guess, found by the text that opens the first record, until the part before it,
 * parsing on, meets a record at exactly that offset in the same records array. A guess not confirmed
 * (that part then reads on to the end) or a later part that meets any problem is thrown away, the latter
 * by reading the file again in one part: the outcome is always what reading it in one part gives.
 */
public final class CollectionParts {
    /** Below this, a part would not repay its thread and the file's opening parsed again. */
    static final long MIN_PART_BYTES = 32L << 20;
    private static final int MAX_PARTS = 8;
    private static final int MAX_OPENING_BYTES = 1 << 20;
    private static final int SEARCH_BYTES = 4 << 20;
    private static final int MAX_KEY_BYTES = 256;

    private final GraphCollection collection;
    private final int cores;
    private final long minPartBytes;

    public CollectionParts(GraphCollection collection) {
        this(collection, Runtime.getRuntime().availableProcessors(), MIN_PART_BYTES);
    }

    /** Cuts files into at most {@code cores} parts of at least {@code minPartBytes} each. */
    public CollectionParts(GraphCollection collection, int cores, long minPartBytes) {
        this.collection = collection;
        this.cores = cores;
        this.minPartBytes = minPartBytes;
    }

    /** A fresh accumulator for one part, and the reader that fills it. */
    public record Part<A>(A gathered, RecordReader<?> reader) {}

    /** Makes the accumulator and reader for a part, reporting to {@code problems}. */
    @FunctionalInterface
    public interface Parts<A> {
        Part<A> newPart(Problems problems);
    }

    /** Appends what a later part gathered, its locations moved by {@code shift}; false when they do not join. */
    @FunctionalInterface
    public interface Joiner<A> {
        boolean append(A into, A later, LineShift shift);
    }

    /** What one part gathered, in file order, and how its locations map onto the file's. */
    private record Read<A>(A gathered, LineShift shift) {}

    /**
     * Moves a part's locations onto the file's: lines from {@code line} on move by {@code lineDelta}, and
     * columns on {@code line} itself (the line its first record starts on) by {@code columnDelta}.
     */
    public record LineShift(int line, int lineDelta, int columnDelta) {
        public static final LineShift NONE = new LineShift(0, 0, 0);

        public int line(int at) {
            return at >= line ? at + lineDelta : at;
        }

        public int column(int atLine, int column) {
            return atLine == line ? column + columnDelta : column;
        }
    }

    /**
     * Reads {@code file} in parts when it is large enough and more than one core is there, else in one;
     * problems are added to {@code problems} as reading it in one part would add them.
     */
    public <A> A read(Path file, Problems problems, Parts<A> parts, Joiner<A> joiner) {
        return read(file, 0, problems, parts, joiner);
    }

    /**
     * Like {@link #read(Path, Problems, Parts, Joiner)} for a file read beside others, {@code inputBytes}
     * in all: it is cut only when it is more than one core's share of them, since otherwise the other
     * files keep the other cores busy and parts would only compete with them.
     */
    public <A> A read(Path file, long inputBytes, Problems problems, Parts<A> parts, Joiner<A> joiner) {
        int count = partCount(file, inputBytes);
        if (count > 1) {
            Problems own = new Problems();
            List<Read<A>> split = readSplit(file, count, own, parts);
            if (split != null && join(split, joiner)) {
                problems.addAll(own.list());
                return split.get(0).gathered();
            }
        }
        Part<A> whole = parts.newPart(problems);
        collection.read(file, whole.reader(), problems);
        return whole.gathered();
    }

    private static <A> boolean join(List<Read<A>> split, Joiner<A> joiner) {
        A into = split.get(0).gathered();
        for (Read<A> later : split.subList(1, split.size())) {
            if (!joiner.append(into, later.gathered(), later.shift())) return false;
        }
        return true;
    }

    private int partCount(Path file, long inputBytes) {
        try {
            long size = java.nio.file.Files.size(file);
            if (size * cores < inputBytes) return 1;
            return (int) Math.min(Math.min(cores, MAX_PARTS), Math.max(1, size / minPartBytes));
        } catch (IOException e) {
            return 1;
        }
    }

    /** The split reading's result, or null when the file must be read in one part. */
    private <A> List<Read<A>> readSplit(Path file, int count, Problems problems, Parts<A> parts) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Opening opening = opening(file, channel);
            if (opening == null) return null;
            long[] cuts = cuts(channel, count, opening);
            if (cuts.length == 0) return null;
            return assemble(readParts(file, channel, opening, cuts, parts), problems);
        } catch (IOException e) {
            return null;
        }
    }

    /** Where the first record starts, its depth, and the bytes before it and its first field's name. */
    private record Opening(byte[] before, int depth, byte[] firstKey) {}

    private Opening opening(Path file, FileChannel channel) throws IOException {
        FirstStart first = new FirstStart();
        InputStream head = new ByteArrayInputStream(bytes(channel, 0, MAX_OPENING_BYTES + MAX_KEY_BYTES));
        collection.read(file, collection.open(head), IGNORED, new Problems(), first);
        if (first.offset <= 0 || first.offset > MAX_OPENING_BYTES) return null;
        byte[] before = bytes(channel, 0, (int) first.offset);
        byte[] key = RecordStarts.firstKey(bytes(channel, first.offset, MAX_KEY_BYTES + 8), MAX_KEY_BYTES);
        return key == null ? null : new Opening(before, first.depth, key);
    }

    private static final RecordReader<Object> IGNORED = RecordReader.of(at -> at, (r, name, p) -> p.skipChildren(), r -> { });

    /**
     * The first place a record or page may start, where the file is cut: in an array, its first element
     * (a record, or a page of them); in a single page, its first record. Nothing starts shallower later.
     */
    private static final class FirstStart implements RecordBoundary {
        long offset = -1;
        int depth;

        @Override
        public boolean stopsBefore(JsonParser parser) {
            offset = parser.currentTokenLocation().getByteOffset();
            depth = depthOf(parser);
            return true;
        }
    }

    static int depthOf(JsonParser parser) {
        int depth = 0;
        for (JsonStreamContext c = parser.getParsingContext(); c != null; c = c.getParent()) depth++;
        return depth;
    }

    private static byte[] bytes(FileChannel channel, long from, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, from + buffer.position()) < 0) break;
        }
        return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Strictly increasing guessed record starts, one near each of the file's equal parts. */
    private static long[] cuts(FileChannel channel, int count, Opening opening) throws IOException {
        long size = channel.size();
        List<Long> cuts = new ArrayList<>();
        long previous = opening.before().length;
        for (int k = 1; k < count; k++) {
            long from = Math.max(previous + 1, size * k / count);
            long cut = RecordStarts.next(bytes(channel, from, SEARCH_BYTES), opening.firstKey());
            if (cut < 0) continue;
            previous = from + cut;
            cuts.add(previous);
        }
        return cuts.stream().mapToLong(Long::longValue).toArray();
    }

    /** How one part went. */
    private static final class Outcome<A> {
        final Part<A> part;
        final Problems problems = new Problems();
        final PartBoundary boundary;

        Outcome(Parts<A> parts, PartBoundary boundary) {
            this.part = parts.newPart(problems);
            this.boundary = boundary;
        }
    }

    private <A> List<Outcome<A>> readParts(Path file, FileChannel channel, Opening opening, long[] cuts, Parts<A> parts)
            throws IOException {
        int prefix = opening.before().length;
        List<Outcome<A>> outcomes = new ArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        outcomes.add(new Outcome<>(parts, new PartBoundary(opening.depth(), -1, cuts[0], cancelled)));
        for (int k = 0; k < cuts.length; k++) {
            long length = k + 1 < cuts.length ? cuts[k + 1] - cuts[k] : -1;
            outcomes.add(new Outcome<>(parts, new PartBoundary(opening.depth(), prefix, length < 0 ? -1 : prefix + length, cancelled)));
        }
        List<FutureTask<Void>> later = new ArrayList<>();
        try {
            for (int k = 1; k < outcomes.size(); k++) {
                Outcome<A> o = outcomes.get(k);
                InputStream in = partStream(opening.before(), file, cuts[k - 1]);
                FutureTask<Void> task = new FutureTask<>(() -> {
                    try {
                        collection.read(file, collection.open(in), o.part.reader(), o.problems, o.boundary);
                    } catch (IOException e) {
                        o.problems.add(io.trailcheck.engine.problem.Problem.inFile(file, "cannot read: " + e.getMessage()));
                    }
                    return null;
                });
                Thread thread = new Thread(task, "trailcheck-part-" + k);
                thread.setDaemon(true);
                thread.start();
                later.add(task);
            }
            Outcome<A> first = outcomes.get(0);
            collection.read(file, first.part.reader(), first.problems, first.boundary);
            for (FutureTask<Void> task : later) await(task);
        } finally {
            cancelled.set(true);
        }
        return outcomes;
    }

    private static InputStream partStream(byte[] opening, Path file, long cut) throws IOException {
        FileChannel own = FileChannel.open(file, StandardOpenOption.READ).position(cut);
        return new BufferedInputStream(new SequenceInputStream(new ByteArrayInputStream(opening),
                Channels.newInputStream(own)), 1 << 16);
    }

    private static void await(FutureTask<Void> task) {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a part of a file was read", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** The confirmed chain of parts, or null when a part it needs went wrong and the file is read in one. */
    private static <A> List<Read<A>> assemble(List<Outcome<A>> outcomes, Problems problems) {
        List<Read<A>> reads = new ArrayList<>();
        Outcome<A> previous = outcomes.get(0);
        LineShift shift = LineShift.NONE;
        reads.add(new Read<>(previous.part.gathered(), shift));
        for (int k = 1; k < outcomes.size() && previous.boundary.stoppedAt != null; k++) {
            Outcome<A> next = outcomes.get(k);
            JsonLocation start = next.boundary.firstAt;
            if (!next.problems.isEmpty() || start == null) return null;
            JsonLocation cut = previous.boundary.stoppedAt;
            int line = shift.line(cut.getLineNr());
            int column = shift.column(cut.getLineNr(), cut.getColumnNr());
            shift = new LineShift(start.getLineNr(), line - start.getLineNr(), column - start.getColumnNr());
            reads.add(new Read<>(next.part.gathered(), shift));
            previous = next;
        }
        problems.addAll(outcomes.get(0).problems.list());
        return reads;
    }

    /**
     * Decides, at each record or page start of one part, whether the part ends there: at the next cut,
     * when one starts exactly there at the depth of the first. A part after the first must meet its own
     * first start exactly where its cut put it, or it is void.
     */
    private static final class PartBoundary implements RecordBoundary {
        private final int depth;
        /** Where this part's first record must start (a later part), or -1 (the first part). */
        private final long firstOffset;
        /** Where the next part starts, in this part's bytes, or -1 (the last part). */
        private final long stopOffset;
        private final java.util.concurrent.atomic.AtomicBoolean cancelled;
        private boolean metFirst;
        JsonLocation firstAt, stoppedAt;

        PartBoundary(int depth, long firstOffset, long stopOffset, java.util.concurrent.atomic.AtomicBoolean cancelled) {
            this.depth = depth;
            this.firstOffset = firstOffset;
            this.stopOffset = stopOffset;
            this.cancelled = cancelled;
        }

        @Override
        public boolean stopsBefore(JsonParser parser) {
            if (cancelled.get()) return true;
            if (depthOf(parser) != depth) return false;
            JsonLocation at = parser.currentTokenLocation();
            if (!metFirst) {
                metFirst = true;
                if (firstOffset >= 0) {
                    if (at.getByteOffset() != firstOffset) return true;
                    firstAt = at;
                }
                return false;
            }
            if (at.getByteOffset() == stopOffset) {
                stoppedAt = at;
                return true;
            }
            return false;
        }
    }
}
