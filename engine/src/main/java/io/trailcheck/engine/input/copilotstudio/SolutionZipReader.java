package io.trailcheck.engine.input.copilotstudio;

// layout checked against:
//   microsoft/CopilotStudioSamples: contact-center/skill-handoff/HandoverAgentSample.zip
//   (solution.xml, customizations.xml, bots/<schema>/{bot.xml,configuration.json}, botcomponents/…)

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A solution zip as {@code pac solution export} writes it (managed or unmanaged), read in place, never
 * extracted: recognised by {@code solution.xml} and {@code bots/<schema>/bot.xml}; each bot is read like an
 * unpacked one, located at {@code Solution.zip!/bots/<schema>/bot.xml}. A zip that is not a solution is
 * skipped. A hostile archive (too many entries, too large, a compression ratio of a zip bomb, an entry name
 * leaving the archive) is refused whole, before any of its agents is used.
 */
public final class SolutionZipReader {
    private static final Pattern BOT = Pattern.compile("bots/[^/]+/bot\\.xml", Pattern.CASE_INSENSITIVE);

    /**
     * Bounds on what one archive may hold.
     *
     * @param maxEntries    entries in the central directory
     * @param maxEntryBytes uncompressed size of one entry read
     * @param maxTotalBytes uncompressed size of all entries together
     * @param maxRatio      uncompressed / compressed size of an entry above {@link #RATIO_FLOOR} bytes
     */
    record Limits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxRatio) {
        static final Limits DEFAULT = new Limits(10_000, 64L << 20, 512L << 20, 100);
        /** Small entries compress unevenly; the ratio counts from this size on. */
        static final long RATIO_FLOOR = 1L << 20;
    }

    private final SolutionBotReader bots;
    private final Limits limits;

    public SolutionZipReader(SolutionBotReader bots) {
        this(bots, Limits.DEFAULT);
    }

    SolutionZipReader(SolutionBotReader bots, Limits limits) {
        this.bots = bots;
        this.limits = limits;
    }

    /** The zip's agents and the configuration files read inside it; empty for a zip that is not a solution export. */
    public Optional<AgentsSection> read(Path zip, Problems found) {
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (!isSolution(archive)) return Optional.empty();
            Problems problems = new Problems();
            Map<String, ZipEntry> entries = check(zip, archive, problems);
            if (!problems.isEmpty()) {
                found.addAll(problems.list());
                return Optional.of(new AgentsSection(List.of()));
            }
            InArchive solution = new InArchive(zip, archive, entries);
            List<AgentDraft> drafts = new ArrayList<>();
            List<InputFile> files = new ArrayList<>();
            for (String name : entries.keySet().stream().filter(n -> BOT.matcher(n).matches()).sorted().toList()) {
                bots.readBot(solution, name, AgentDraft.Origin.SOLUTION_ZIP, problems, files).ifPresent(drafts::add);
            }
            if (!problems.isEmpty()) {
                found.addAll(problems.list());
                return Optional.of(new AgentsSection(List.of()));
            }
            return Optional.of(new AgentsSection(drafts, files));
        } catch (ZipException e) {
            found.add(Problem.inFile(zip, "not a readable zip archive (truncated or corrupt: " + e.getMessage() + ")"));
        } catch (IOException e) {
            found.add(Problem.inFile(zip, "cannot read: " + e.getMessage()));
        }
        return Optional.of(new AgentsSection(List.of()));
    }

    private static boolean isSolution(ZipFile archive) {
        if (archive.getEntry("solution.xml") == null) return false;
        return archive.stream().anyMatch(e -> BOT.matcher(e.getName()).matches());
    }

    /** Every entry's name and declared sizes, before anything is read; the entries by name. */
    private Map<String, ZipEntry> check(Path zip, ZipFile archive, Problems problems) {
        if (archive.size() > limits.maxEntries()) {
            problems.add(Problem.inFile(zip, "refused: " + archive.size() + " entries, more than the " + limits.maxEntries()
                    + " a solution export may hold"));
            return Map.of();
        }
        Map<String, ZipEntry> byName = new HashMap<>();
        long total = 0;
        for (Enumeration<? extends ZipEntry> it = archive.entries(); it.hasMoreElements(); ) {
            ZipEntry e = it.nextElement();
            String name = e.getName();
            if (leavesArchive(name)) {
                problems.add(Problem.inFile(zip, "refused: entry \"" + printable(name)
                        + "\" is an absolute path or climbs out with \"..\" (zip slip)"));
                continue;
            }
            total += Math.max(0, e.getSize());
            if (e.getSize() > limits.maxEntryBytes()) problems.add(tooLarge(zip, name, e.getSize()));
            if (isBomb(e.getSize(), e.getCompressedSize())) problems.add(bomb(zip, name));
            if (!e.isDirectory()) byName.put(name, e);
        }
        if (total > limits.maxTotalBytes()) {
            problems.add(Problem.inFile(zip, "refused: " + total + " bytes uncompressed, more than the limit of "
                    + limits.maxTotalBytes()));
        }
        return byName;
    }

    static boolean leavesArchive(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) return true;
        for (String part : n.split("/")) if (part.equals("..")) return true;
        return false;
    }

    private boolean isBomb(long size, long compressed) {
        return size > Limits.RATIO_FLOOR && compressed >= 0 && size > (long) limits.maxRatio() * Math.max(1, compressed);
    }

    private Problem tooLarge(Path zip, String name, long size) {
        return Problem.inFile(SourceLocation.inArchive(zip, name), "refused: " + size
                + " bytes uncompressed, more than the limit of " + limits.maxEntryBytes() + " for one entry");
    }

    private Problem bomb(Path zip, String name) {
        return Problem.inFile(SourceLocation.inArchive(zip, name), "refused: compressed more than " + limits.maxRatio()
                + " to 1, the ratio of a zip bomb");
    }

    private static String printable(String s) {
        return s.replaceAll("\\p{Cntrl}", "?");
    }

    /** The archive's entries, each read whole into memory through a counting bound (declared sizes can lie). */
    private final class InArchive implements SolutionFiles {
        private final Path zip;
        private final ZipFile archive;
        private final Map<String, ZipEntry> entries;
        private final Map<String, String> lowerCase = new HashMap<>();
        private long read;

        InArchive(Path zip, ZipFile archive, Map<String, ZipEntry> entries) {
            this.zip = zip;
            this.archive = archive;
            this.entries = entries;
            entries.keySet().forEach(n -> lowerCase.putIfAbsent(n.toLowerCase(Locale.ROOT), n));
        }

        private String actual(String entry) {
            return lowerCase.getOrDefault(entry.toLowerCase(Locale.ROOT), entry);
        }

        @Override public Path shown(String entry) { return SourceLocation.inArchive(zip, actual(entry)); }

        @Override public boolean exists(String entry) { return entries.containsKey(actual(entry)); }

        @Override
        public List<String> below(String folder) {
            String prefix = folder.toLowerCase(Locale.ROOT);
            return entries.keySet().stream().filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix)).sorted().toList();
        }

        @Override
        public InputStream open(String entry) throws IOException {
            ZipEntry e = entries.get(actual(entry));
            if (e == null) throw new IOException("no entry " + entry);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            try (InputStream in = archive.getInputStream(e)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    read += n;
                    if (out.size() > limits.maxEntryBytes()) throw refused(tooLarge(zip, e.getName(), out.size()));
                    if (read > limits.maxTotalBytes()) throw refused(Problem.inFile(zip, "refused: more than "
                            + limits.maxTotalBytes() + " bytes uncompressed"));
                    if (isBomb(out.size(), e.getCompressedSize())) throw refused(bomb(zip, e.getName()));
                }
            }
            return new ByteArrayInputStream(out.toByteArray());
        }

        /** Reported by the entry's reader at the entry, as "cannot read: refused: …". */
        private IOException refused(Problem p) {
            return new IOException(p.message());
        }
    }
}
