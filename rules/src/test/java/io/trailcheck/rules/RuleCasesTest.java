package io.trailcheck.rules;

import io.trailcheck.engine.cases.CaseResult;
import io.trailcheck.engine.cases.CaseRunner;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every case folder under src/test/resources/cases runs through the same {@link CaseRunner} as
 * {@code trailcheck test}: the format is proven by use.
 */
class RuleCasesTest {
    static final Path CASES = Path.of("src/test/resources/cases").toAbsolutePath();
    private static final CaseRunner RUNNER = new CaseRunner(Trailcheck.scanner(List.of()));

    @TestFactory
    Stream<DynamicTest> builtInRuleCases() {
        return CaseRunner.discover(List.of(CASES)).stream().map(folder -> {
            URI source = folder.resolve(CaseRunner.EXPECT_FILE).toUri();
            return DynamicTest.dynamicTest(CASES.relativize(folder).toString(), source, () -> {
                CaseResult r = RUNNER.run(folder);
                assertTrue(r.passed(), () -> CASES.relativize(folder) + " (" + r.description() + "):\n  "
                        + String.join("\n  ", r.differences()));
            });
        });
    }
}
