package io.trailcheck.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the fingerprints of an earlier {@code --json} result ({@code findings[].fingerprint}) or
 * {@code --sarif} result ({@code partialFingerprints["trailcheck/v1"]}), streaming: a baseline of a
 * million-user tenant is never held as a tree.
 */
final class Baseline {
    private static final String JSON_FIELD = "fingerprint";
    private static final String SARIF_FIELD = "trailcheck/v1";

    private Baseline() {}

    static Set<String> fingerprints(Path file) {
        Set<String> out = new HashSet<>();
        boolean recognised = false;
        try (JsonParser p = new JsonFactory().createParser(file.toFile())) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.FIELD_NAME) continue;
                String name = p.currentName();
                if (p.getParsingContext().getNestingDepth() == 1 && (name.equals("findings") || name.equals("runs"))) recognised = true;
                if ((name.equals(JSON_FIELD) || name.equals(SARIF_FIELD)) && p.nextToken() == JsonToken.VALUE_STRING) {
                    out.add(p.getText());
                }
            }
        } catch (JsonProcessingException e) {
            throw new InputException(JsonFiles.problem(file, e));
        } catch (IOException e) {
            throw new InputException(Problem.inFile(file, "cannot read baseline: " + e.getMessage()));
        }
        if (!recognised) throw new InputException(Problem.inFile(file, "not a trailcheck --json or --sarif result"));
        return out;
    }
}
