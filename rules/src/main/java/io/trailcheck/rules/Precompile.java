package io.trailcheck.rules;

import io.trailcheck.engine.runtime.CompiledPackages;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Build step: compiles the built-in pack and writes it beside the classes (see {@link CompiledPackages}). */
public final class Precompile {
    private Precompile() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Files.createDirectories(out.getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            CompiledPackages.write(BuiltInRules.sources(), o);
        }
    }
}
