package io.trailcheck.cli;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Property: whatever random damage is done to the example snapshot (bytes cut, inserted, duplicated,
 * swapped, control characters, brackets, case-flipped keys), a scan ends with exit 0, 1 or 2, never with a
 * trace, and exit 2 always comes with a located message. Each case is one seed, shown in its name and in
 * any failure: rerun it with {@code -Dtrailcheck.mutation.seed=SEED}.
 */
class MutatedExampleTest {
    private static final int CASES = Integer.getInteger("trailcheck.mutation.cases", 24);
    private static final Long ONLY = Long.getLong("trailcheck.mutation.seed");
    private static final long BASE_SEED = 0x5eed_17L;

    @TempDir Path dir;

    @TestFactory
    Stream<DynamicTest> mutationsOfTheExampleNeverCrash() {
        Stream<Long> seeds = ONLY != null ? Stream.of(ONLY) : Stream.iterate(BASE_SEED, s -> s + 1).limit(CASES);
        return seeds.map(seed -> DynamicTest.dynamicTest("seed " + seed, () -> check(seed)));
    }

    private void check(long seed) throws IOException {
        Random random = new Random(seed);
        Path copy = dir.resolve("seed-" + seed);
        List<Path> files = copyExample(copy);
        List<String> applied = new ArrayList<>();
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            Path file = files.get(random.nextInt(files.size()));
            applied.add(copy.relativize(file) + ": " + mutate(file, random));
        }
        Cli r = Cli.run("scan", copy.toString(), "--format", random.nextBoolean() ? "text" : "json");
        String context = "seed " + seed + " (rerun with -Dtrailcheck.mutation.seed=" + seed + "), mutations " + applied + "\n" + r;
        assertTrue(r.exit() >= 0 && r.exit() <= 2, "exit 0, 1 or 2: " + context);
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception") || r.err().contains("internal error"), "no trace: " + context);
        if (r.exit() == 2) assertTrue(r.err().contains(copy.toString()), "exit 2 names the file: " + context);
    }

    private static List<Path> copyExample(Path target) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Cli.EXAMPLE)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path to = target.resolve(Cli.EXAMPLE.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                    if (!p.getFileName().toString().endsWith(".md") && !p.getFileName().toString().equals("expect.yaml")) files.add(to);
                }
            }
        }
        return files;
    }

    /** One random change to the file's bytes; returns what it did, for the failure message. */
    private static String mutate(Path file, Random random) {
        try {
            byte[] b = Files.readAllBytes(file);
            int at = b.length == 0 ? 0 : random.nextInt(b.length);
            int len = Math.min(b.length - at, 1 + random.nextInt(40));
            String what;
            byte[] out;
            switch (random.nextInt(8)) {
                case 0 -> { out = splice(b, at, len, new byte[0]); what = "cut " + len + " bytes at " + at; }
                case 1 -> { out = splice(b, at, 0, java.util.Arrays.copyOfRange(b, at, at + len)); what = "duplicated " + len + " bytes at " + at; }
                case 2 -> { out = java.util.Arrays.copyOf(b, at); what = "truncated at " + at; }
                case 3 -> {
                    byte[] junk = new byte[1 + random.nextInt(8)];
                    random.nextBytes(junk);
                    out = splice(b, at, 0, junk);
                    what = "inserted " + junk.length + " random bytes at " + at;
                }
                case 4 -> {
                    String[] tokens = {"{", "}", "[", "]", "\"", ":", ",", "\n", "\t", "- ", "&a ", "*a", "!!str ", "\u001b[2J", "null", "\uFEFF"};
                    String t = tokens[random.nextInt(tokens.length)];
                    out = splice(b, at, 0, t.getBytes(StandardCharsets.UTF_8));
                    what = "inserted " + t.replace("\n", "\\n").replace("\t", "\\t").replace("\u001b", "ESC") + " at " + at;
                }
                case 5 -> { out = swapLines(b, random); what = "swapped two lines"; }
                case 6 -> { out = duplicateLine(b, random, true); what = "duplicated a line with its key's case flipped"; }
                default -> { out = duplicateLine(b, random, false); what = "duplicated a line"; }
            }
            Files.write(file, out);
            return what;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
        byte[] out = new byte[b.length - remove + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at + remove, out, at + insert.length, b.length - at - remove);
        return out;
    }

    private static List<String> lines(byte[] b) {
        return new ArrayList<>(List.of(new String(b, StandardCharsets.UTF_8).split("\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] swapLines(byte[] b, Random random) {
        List<String> lines = lines(b);
        java.util.Collections.swap(lines, random.nextInt(lines.size()), random.nextInt(lines.size()));
        return join(lines);
    }

    private static byte[] duplicateLine(byte[] b, Random random, boolean flipCase) {
        List<String> lines = lines(b);
        int i = random.nextInt(lines.size());
        String line = lines.get(i);
        lines.add(i + 1, flipCase ? flip(line) : line);
        return join(lines);
    }

    private static String flip(String s) {
        StringBuilder sb = new StringBuilder(s);
        for (int i = 0; i < sb.length(); i++) {
            char c = sb.charAt(i);
            if (Character.isLetter(c)) {
                sb.setCharAt(i, Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
                break;
            }
        }
        return sb.toString();
    }
}
