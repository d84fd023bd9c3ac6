package io.trailcheck.rules;

import io.trailcheck.engine.runtime.CompiledPackages;
import io.trailcheck.engine.runtime.RuleSource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The build ships the built-in pack precompiled, and a pack compiled from other text is never used. */
class PrecompiledPackTest {

    @Test
    void theBuildWroteAPackMatchingTheBuiltInSources() throws IOException {
        try (InputStream in = BuiltInRules.precompiled()) {
            var packages = CompiledPackages.read(in, BuiltInRules.sources());
            assertTrue(packages.isPresent(), "compiled.bin is missing or stale: run mvn process-classes");
            long rules = packages.get().stream().mapToLong(p -> p.getRules().size()).sum();
            assertTrue(rules >= 14, "rules: " + rules);
        }
    }

    @Test
    void aPackCompiledFromOtherTextIsIgnored() throws IOException {
        List<RuleSource> changed = new ArrayList<>(BuiltInRules.sources());
        RuleSource first = changed.get(0);
        changed.set(0, new RuleSource(first.path(), first.drl() + "\n// edited\n", true));
        try (InputStream in = BuiltInRules.precompiled()) {
            assertEquals(java.util.Optional.empty(), CompiledPackages.read(in, changed));
        }
    }
}
