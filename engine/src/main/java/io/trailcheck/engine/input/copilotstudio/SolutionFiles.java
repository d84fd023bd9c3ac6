package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The files of one solution export, by their path inside it ({@code bots/x/bot.xml}): an unpacked folder
 * or a zip read in place. Readers see the same names either way; only the reported path differs.
 */
interface SolutionFiles {
    /** The path reported for an entry: a real file, or {@code Solution.zip!/bots/x/bot.xml}. */
    Path shown(String entry);

    boolean exists(String entry);

    InputStream open(String entry) throws IOException;

    /** The entries below a folder ("botcomponents/"), sorted. */
    List<String> below(String folder) throws IOException;

    /** An unpacked solution ({@code pac solution unpack}) rooted at the folder holding {@code bots/}. */
    static SolutionFiles folder(Path root) {
        return new SolutionFiles() {
            @Override public Path shown(String entry) { return root.resolve(entry); }

            @Override public boolean exists(String entry) { return Files.isRegularFile(root.resolve(entry)); }

            @Override public InputStream open(String entry) throws IOException { return Files.newInputStream(root.resolve(entry)); }

            @Override
            public List<String> below(String folder) throws IOException {
                Path dir = root.resolve(folder);
                if (!Files.isDirectory(dir)) return List.of();
                try (Stream<Path> s = Files.walk(dir, 2)) {
                    return s.filter(Files::isRegularFile)
                            .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
                }
            }
        };
    }
}
