package io.trailcheck.engine.cases;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of one test case.
 *
 * @param folder      the case folder
 * @param description what the case proves
 * @param differences what did not match; empty when the case passed
 */
public record CaseResult(Path folder, String description, List<String> differences) {
    public boolean passed() {
        return differences.isEmpty();
    }
}
