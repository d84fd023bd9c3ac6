package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/** Reads the fingerprints of an earlier --json or --sarif result. */
final class Baseline {
    private Baseline() {}

    static Set<String> fingerprints(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new InputException(io.trailcheck.engine.parse.JsonFiles.problem(file, e));
        } catch (IOException e) {
            throw new InputException(Problem.inFile(file, "cannot read baseline: " + e.getMessage()));
        }
        Set<String> out = new HashSet<>();
        if (root != null && root.has("runs")) {
            for (JsonNode run : root.get("runs")) {
                for (JsonNode result : run.path("results")) {
                    JsonNode fp = result.path("partialFingerprints").path("trailcheck/v1");
                    if (fp.isTextual()) out.add(fp.asText());
                }
            }
        } else if (root != null && root.has("findings")) {
            for (JsonNode f : root.get("findings")) {
                if (f.path("fingerprint").isTextual()) out.add(f.get("fingerprint").asText());
            }
        } else {
            throw new InputException(Problem.inFile(file, "not a trailcheck --json or --sarif result"));
        }
        return out;
    }
}
