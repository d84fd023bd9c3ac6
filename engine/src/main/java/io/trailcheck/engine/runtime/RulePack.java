package io.trailcheck.engine.runtime;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.RuleException;
import io.trailcheck.engine.runtime.sandbox.RuleCodeCheck;
import io.trailcheck.model.SourceLocation;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The compiled rules (built-in and custom, in separate knowledge bases) and their catalogue. Compilation
 * checks every file and reports every problem with its file and line: syntax, metadata, id collisions, what
 * custom rules' code may use, then type errors.
 */
public final class RulePack {
    private final KieBase builtInBase;
    private final KieBase customBase;
    private final Map<String, RuleDescriptor> catalogue;
    private final Map<String, SourceLocation> ruleLocations;

    private RulePack(KieBase builtInBase, KieBase customBase, Map<String, RuleDescriptor> catalogue,
                     Map<String, SourceLocation> ruleLocations) {
        this.builtInBase = builtInBase;
        this.customBase = customBase;
        this.catalogue = catalogue;
        this.ruleLocations = ruleLocations;
    }

    /**
     * Compiles the sources. {@code helpById} supplies help documents for rules that carry none in DRL.
     *
     * @throws RuleException listing every problem found
     */
    public static RulePack compile(List<RuleSource> sources, Map<String, String> helpById) {
        return compile(sources, helpById, null);
    }

    /**
     * Compiles the sources, taking the built-in ones from {@code precompiled} (see {@link CompiledPackages})
     * when it was compiled from the same text.
     */
    public static RulePack compile(List<RuleSource> sources, Map<String, String> helpById, InputStream precompiled) {
        List<Problem> problems = new ArrayList<>();
        Map<String, SourceLocation> locations = new HashMap<>();
        Map<String, RuleDescriptor> catalogue = catalogue(sources, helpById, problems, locations);
        if (!problems.isEmpty()) throw new RuleException(problems);
        List<RuleSource> custom = sources.stream().filter(s -> !s.builtIn()).toList();
        custom.forEach(s -> problems.addAll(RuleCodeCheck.check(s.path(), s.drl())));
        if (!problems.isEmpty()) throw new RuleException(problems);
        KieBase builtIn = buildBuiltIn(sources.stream().filter(RuleSource::builtIn).toList(), problems, precompiled);
        KieBase customBase = custom.isEmpty() ? null : base(compilePackages(custom, problems));
        if (!problems.isEmpty()) throw new RuleException(problems);
        return new RulePack(builtIn, customBase, catalogue, locations);
    }

    /** The built-in rules, trusted: they run in a session of their own, before any custom rule. */
    public KieBase builtInBase() {
        return builtInBase;
    }

    /**
     * The custom rules, untrusted: compiled apart, confined by {@link RuleCodeCheck}, and run in a session of
     * their own over the same facts; empty when there are none.
     */
    public Optional<KieBase> customBase() {
        return Optional.ofNullable(customBase);
    }

    /** Where a rule is written (its {@code rule} line); null when unknown. */
    public SourceLocation locationOf(String packageName, String ruleName) {
        return ruleLocations.get(packageName + "/" + ruleName);
    }

    /** Every rule by id, built-ins first, each in id order. */
    public Map<String, RuleDescriptor> catalogue() {
        return catalogue;
    }

    public RuleDescriptor rule(String id) {
        return catalogue.get(id);
    }

    private static Map<String, RuleDescriptor> catalogue(List<RuleSource> sources, Map<String, String> helpById,
                                                         List<Problem> problems, Map<String, SourceLocation> locations) {
        RuleMetadataReader reader = new RuleMetadataReader();
        Map<String, RuleDescriptor> byId = new HashMap<>();
        Map<Path, Map<String, Integer>> reportingByFile = new LinkedHashMap<>();
        Map<String, Path> ruleNames = new HashMap<>();
        for (RuleSource source : sources) {
            RuleMetadataReader.FileRules rules = reader.read(source, helpById, problems);
            reportingByFile.put(source.path(), rules.reportingIds());
            rules.ruleNames().forEach((name, line) -> {
                locations.putIfAbsent(name, new SourceLocation(source.path(), line, 0));
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
        reportingByFile.forEach((file, ids) -> ids.forEach((id, line) -> {
            if (!byId.containsKey(id)) {
                problems.add(new Problem(file, line, 0, "rule id " + id
                        + " has no declaration: one rule with this @id must carry @level (and @name, @title)"));
            }
        }));
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

    /**
     * Compiles DRL sources into packages, one resource per file so that every error names its file and
     * line ("Parser returned a null Package" follows each syntax error and says nothing more).
     */
    static List<KiePackage> compilePackages(List<RuleSource> sources, Collection<Problem> problems) {
        if (sources.isEmpty()) return List.of();
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        for (RuleSource source : sources) {
            Resource resource = ResourceFactory.newByteArrayResource(source.drl().getBytes(StandardCharsets.UTF_8));
            resource.setSourcePath(source.path().toString());
            builder.add(resource, ResourceType.DRL);
        }
        for (KnowledgeBuilderError e : builder.getErrors()) {
            String text = e.getMessage().strip();
            if (text.startsWith("Parser returned a null Package")) continue;
            Path file = e.getResource() == null || e.getResource().getSourcePath() == null ? null : Path.of(e.getResource().getSourcePath());
            int line = e.getLines() == null || e.getLines().length == 0 ? 0 : e.getLines()[0];
            problems.add(new Problem(file, line, 0, text));
        }
        return problems.isEmpty() ? new ArrayList<>(builder.getKnowledgePackages()) : List.of();
    }

    /** The built-in rules: the precompiled pack when it matches their text, else compiled now. */
    private static KieBase buildBuiltIn(List<RuleSource> builtIn, Collection<Problem> problems, InputStream precompiled) {
        Optional<List<KiePackage>> loaded = CompiledPackages.read(precompiled, builtIn);
        return base(loaded.orElseGet(() -> compilePackages(builtIn, problems)));
    }

    private static KieBase base(List<KiePackage> packages) {
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }
}
