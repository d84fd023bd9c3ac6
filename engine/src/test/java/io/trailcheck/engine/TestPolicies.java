package io.trailcheck.engine;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.policy.ExemptionScope;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.policy.PolicyLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

/** The repository's default policy, for engine tests (the rules module packages it). */
public final class TestPolicies {
    public static final Path DEFAULT = Path.of("..", "policies", "default.yaml").toAbsolutePath().normalize();
    /** The built-in pack's rule ids, from its index (the rules module packages it; the engine's tests read it). */
    public static final Set<String> BUILT_IN_IDS = builtInIds();

    private static Set<String> builtInIds() {
        Path index = Path.of("..", "rules", "src", "main", "resources", "io", "trailcheck", "rules", "builtin", "index.txt");
        try {
            return Set.copyOf(Files.readAllLines(index).stream().map(String::strip).filter(l -> l.endsWith(".drl"))
                    .map(l -> l.substring(0, l.length() - ".drl".length())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestPolicies() {}

    public static PolicyLoader loader(LocalDate today) {
        java.util.Map<String, Set<ExemptionScope>> scopes = new java.util.HashMap<>();
        BUILT_IN_IDS.forEach(id -> scopes.put(id, java.util.EnumSet.allOf(ExemptionScope.class)));
        return new PolicyLoader(ParseLimits.DEFAULT, scopes, today).applyDefault(DEFAULT, () -> {
            try {
                return Files.newInputStream(DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    public static Policy defaults() {
        return loader(LocalDate.of(2026, 11, 25)).build();
    }
}
