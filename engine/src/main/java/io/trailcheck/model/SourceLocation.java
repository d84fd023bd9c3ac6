package io.trailcheck.model;

import java.nio.file.Path;

/** Where an entity or field was read: a file and a 1-based line and column (column 0 when unknown). */
public record SourceLocation(Path file, int line, int column) implements Comparable<SourceLocation> {

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file, Math.max(1, line), Math.max(0, column));
    }

    public static SourceLocation startOf(Path file) {
        return new SourceLocation(file, 1, 1);
    }

    /**
     * The path of an entry read in place from an archive: {@code Solution.zip!/bots/x/bot.xml}, the
     * convention of {@code jar:} URLs. Reports show it as is; SARIF points at the archive.
     */
    public static Path inArchive(Path archive, String entry) {
        return archive.resolveSibling(archive.getFileName() + ARCHIVE_MARK).resolve(entry);
    }

    /** The file on disk holding this location: the archive for an archive entry, else the file. */
    public Path diskFile() {
        Path root = file.getRoot();
        for (int i = 0; i < file.getNameCount(); i++) {
            if (isArchive(file.getName(i).toString())) {
                Path upTo = file.subpath(0, i + 1);
                String name = upTo.getFileName().toString();
                Path archive = (root == null ? upTo : root.resolve(upTo)).resolveSibling(name.substring(0, name.length() - 1));
                return archive;
            }
        }
        return file;
    }

    /** The entry inside the archive ("bots/x/bot.xml"), or null for a plain file. */
    public String archiveEntry() {
        for (int i = 0; i < file.getNameCount() - 1; i++) {
            if (isArchive(file.getName(i).toString())) {
                return file.subpath(i + 1, file.getNameCount()).toString().replace('\\', '/');
            }
        }
        return null;
    }

    private static final String ARCHIVE_MARK = "!";

    private static boolean isArchive(String name) {
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".zip" + ARCHIVE_MARK);
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.toString().compareTo(o.file.toString());
        if (c != 0) return c;
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
