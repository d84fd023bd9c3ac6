package io.trailcheck.engine.parse;

import com.fasterxml.jackson.core.JsonParser;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.engine.text.SafeText;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * The field names of one JSON object, compared without letter case as every reader matches them
 * ({@link FieldNames}): {@code UnifiedAuditLogIngestionEnabled} and {@code unifiedauditlogingestionenabled}
 * in one object are ambiguous, and which one wins must not decide a verdict. Jackson already rejects exact
 * duplicates; objects have a few dozen fields, so a linear scan beats hashing.
 */
final class ObjectKeys {
    private String[] lower = new String[8];
    private String[] given = new String[8];
    private int size;

    /** Records a field name (the parser on its FIELD_NAME); a located problem when the object already has it. */
    void add(Path file, JsonParser p, String name, Problems problems) {
        String key = FieldNames.lower(name);
        for (int i = 0; i < size; i++) {
            if (lower[i] == key) { // FieldNames gives one instance per lower-case name
                problems.add(JsonFiles.problem(file, p, "duplicate key \"" + SafeText.excerpt(name, 60) + "\": also given as \""
                        + SafeText.excerpt(given[i], 60) + "\" (keys are compared without letter case)"));
                return;
            }
        }
        if (size == lower.length) {
            lower = Arrays.copyOf(lower, size * 2);
            given = Arrays.copyOf(given, size * 2);
        }
        lower[size] = key;
        given[size++] = name;
    }
}
