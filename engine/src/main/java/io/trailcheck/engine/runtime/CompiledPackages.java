package io.trailcheck.engine.runtime;

import io.trailcheck.engine.digest.Digests;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.definition.KiePackage;

import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The built-in pack compiled at build time and serialized, so that a scan loads it in a fraction of the
 * time compiling takes. It records a digest of the DRL it was compiled from and is used only when the
 * sources still match.
 */
public final class CompiledPackages {
    private CompiledPackages() {}

    /** A digest of the DRL texts, in order. */
    public static String digest(List<RuleSource> sources) {
        StringBuilder all = new StringBuilder();
        for (RuleSource s : sources) all.append(s.drl()).append('\u0000');
        return Digests.sha256Hex(all.toString(), 32);
    }

    /** Compiles the sources and writes them, with their digest, to {@code out}. */
    public static void write(List<RuleSource> sources, OutputStream out) throws IOException {
        List<io.trailcheck.engine.problem.Problem> problems = new ArrayList<>();
        List<KiePackage> packages = RulePack.compilePackages(sources, problems);
        if (!problems.isEmpty()) throw new IOException("built-in rules do not compile: " + problems);
        try (ObjectOutputStream o = new DroolsObjectOutputStream(out)) {
            o.writeUTF(digest(sources));
            o.writeObject(new ArrayList<>(packages));
        }
    }

    /** The packages, when {@code in} holds a pack compiled from exactly these sources; empty otherwise. */
    @SuppressWarnings("unchecked")
    public static Optional<List<KiePackage>> read(InputStream in, List<RuleSource> sources) {
        if (in == null) return Optional.empty();
        try (ObjectInputStream o = new DroolsObjectInputStream(in)) {
            if (!o.readUTF().equals(digest(sources))) return Optional.empty();
            return Optional.of((List<KiePackage>) o.readObject());
        } catch (IOException | ClassNotFoundException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
