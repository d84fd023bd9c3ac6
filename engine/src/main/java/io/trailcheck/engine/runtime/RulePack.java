package io.trailcheck.engine.runtime;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The compiled rules (built-in and custom) and their catalogue. Compilation checks every file and reports
 * every problem with its file and line: syntax, metadata, id collisions, then type errors.
 */
public final class RulePack {
    private final KieBase kieBase;
    private final Map<String, RuleDescriptor> catalogue;

    private RulePack(KieBase kieBase, Map<String, RuleDescriptor> catalogue) {
        this.kieBase = kieBase;
        this.catalogue = catalogue;
    }

    /**
     * Compiles the sources. {@code helpById} supplies help documents for rules that carry none in DRL.
     *
     * @throws RuleException listing every problem found
     */
    public static RulePack compile(List<RuleSource> sources, Map<String, String> helpById) {
        List<Problem> problems = new ArrayList<>();
        Map<String, RuleDescriptor> catalogue = catalogue(sources, helpById, problems);
        if (!problems.isEmpty()) throw new RuleException(problems);
        KieBase base = build(sources, problems);
        if (!problems.isEmpty()) throw new RuleException(problems);
        return new RulePack(base, catalogue);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** Every rule by id, built-ins first, each in id order. */
    public Map<String, RuleDescriptor> catalogue() {
        return catalogue;
    }

    public RuleDescriptor rule(String id) {
        return catalogue.get(id);
    }

    private static Map<String, RuleDescriptor> catalogue(List<RuleSource> sources, Map<String, String> helpById,
                                                         List<Problem> problems) {
        RuleMetadataReader reader = new RuleMetadataReader();
        Map<String, RuleDescriptor> byId = new HashMap<>();
        Map<Path, List<String>> reportingByFile = new LinkedHashMap<>();
        Map<String, Path> ruleNames = new HashMap<>();
        for (RuleSource source : sources) {
            RuleMetadataReader.FileRules rules = reader.read(source, helpById, problems);
            reportingByFile.put(source.path(), rules.reportingIds());
            rules.ruleNames().forEach((name, line) -> {
                Path earlier = ruleNames.putIfAbsent(name, source.path());
                if (earlier != null) {
                    problems.add(new Problem(source.path(), line, 0, "rule \"" + name.substring(name.indexOf('/') + 1)
                            + "\" is already defined in the same package by " + earlier + "; rename it or give this file its own package"));
                }
            });
            for (RuleDescriptor d : rules.declarations()) {
                RuleDescriptor earlier = byId.putIfAbsent(d.id(), d);
                if (earlier != null) problems.add(collision(d, earlier));
            }
        }
        reportingByFile.forEach((file, ids) -> ids.stream().filter(id -> !byId.containsKey(id)).distinct()
                .forEach(id -> problems.add(Problem.inFile(file, "rule id " + id
                        + " has no declaration: one rule with this @id must carry @level (and @name, @title)"))));
        Map<String, RuleDescriptor> ordered = new LinkedHashMap<>();
        byId.values().stream()
                .sorted(java.util.Comparator.comparing((RuleDescriptor d) -> !d.builtIn()).thenComparing(RuleDescriptor::id))
                .forEach(d -> ordered.put(d.id(), d));
        return ordered;
    }

    private static Problem collision(RuleDescriptor d, RuleDescriptor earlier) {
        String what = earlier.builtIn() ? "a built-in rule" : "the rule at " + earlier.source() + ":" + earlier.line();
        return new Problem(d.source(), d.line(), 0, "rule id " + d.id() + " is already used by " + what + "; choose another @id");
    }

    private static KieBase build(List<RuleSource> sources, Collection<Problem> problems) {
        KieServices ks = KieServices.Factory.get();
        ReleaseId release = ks.newReleaseId("io.trailcheck.runtime", "rules-" + UUID.randomUUID(), "1.0.0");
        KieFileSystem kfs = ks.newKieFileSystem().generateAndWritePomXML(release);
        Map<String, Path> byPath = new HashMap<>();
        for (int i = 0; i < sources.size(); i++) {
            String path = "trailcheck/r" + i + ".drl";
            kfs.write("src/main/resources/" + path, sources.get(i).drl());
            byPath.put(path, sources.get(i).path());
            byPath.put("src/main/resources/" + path, sources.get(i).path());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            String text = m.getText().strip();
            if (text.startsWith("Parser returned a null Package")) continue;
            problems.add(new Problem(byPath.getOrDefault(m.getPath(), Path.of(String.valueOf(m.getPath()))),
                    m.getLine(), 0, text));
        }
        if (!problems.isEmpty()) return null;
        return ks.newKieContainer(release).getKieBase();
    }
}
