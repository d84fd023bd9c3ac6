package io.trailcheck.rules;

import io.trailcheck.engine.runtime.RuleSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in rule pack, its help documents and the default policy, read from the classpath. */
public final class BuiltInRules {
    private static final String BASE = "/io/trailcheck/rules/";
    /** How the default policy is named in messages. */
    public static final Path DEFAULT_POLICY_NAME = Path.of("policies/default.yaml");

    private BuiltInRules() {}

    /** Every built-in DRL file, in the order of the pack's index. */
    public static List<RuleSource> sources() {
        List<RuleSource> sources = new ArrayList<>();
        for (String name : read(BASE + "builtin/index.txt").split("\\R")) {
            if (name.isBlank()) continue;
            sources.add(new RuleSource(Path.of("builtin", name.strip()), read(BASE + "builtin/" + name.strip()), true));
        }
        return sources;
    }

    /** Help documents by rule id (CIL001 → markdown). */
    public static Map<String, String> help() {
        Map<String, String> help = new HashMap<>();
        for (int i = 1; i <= 99; i++) {
            String id = String.format("CIL%03d", i);
            InputStream in = BuiltInRules.class.getResourceAsStream(BASE + "help/" + id + ".md");
            if (in == null) continue;
            help.put(id, readAll(in, id));
        }
        return help;
    }

    /** The pack compiled at build time, or null when the build did not write it. */
    public static InputStream precompiled() {
        return BuiltInRules.class.getResourceAsStream(BASE + "builtin/compiled.bin");
    }

    public static Supplier<InputStream> defaultPolicy() {
        return () -> BuiltInRules.class.getResourceAsStream("/io/trailcheck/policies/default.yaml");
    }

    private static String read(String resource) {
        InputStream in = BuiltInRules.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("missing built-in resource " + resource);
        return readAll(in, resource);
    }

    private static String readAll(InputStream in, String name) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in resource " + name, e);
        }
    }
}
