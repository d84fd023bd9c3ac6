package io.trailcheck.engine.input.observations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** PowerShell writes an empty file (at most a byte-order mark and a line end) for a query that found nothing. */
final class BlankFiles {
    private BlankFiles() {}

    static boolean isBlank(Path file) {
        try {
            if (Files.size(file) > 16) return false;
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            return text.replace("\u00EF\u00BB\u00BF", "").replace("\u00FF\u00FE", "").replace("\u00FE\u00FF", "")
                    .replace("\u0000", "").isBlank();
        } catch (IOException e) {
            return false;
        }
    }
}
