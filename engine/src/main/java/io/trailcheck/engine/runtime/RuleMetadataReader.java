package io.trailcheck.engine.runtime;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.policy.ExemptionScope;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.Level;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses each DRL file on its own to check its syntax and read its rules' annotations with their lines,
 * so that every message names the file at fault (a combined build blames the first file of a package).
 */
final class RuleMetadataReader {
    /** What a rule that does not say is taken to carry: anything an exemption can name. */
    private static final Set<String> ANY_SCOPE = new LinkedHashSet<>(java.util.Arrays.stream(ExemptionScope.values())
            .map(ExemptionScope::key).toList());

    /** The rules of one file: declarations (with @level) and other rules reporting under an id. */
    /** @param reportingIds every rule id the file reports under, with the line of its first rule */
    record FileRules(List<RuleDescriptor> declarations, Map<String, Integer> reportingIds, Map<String, Integer> ruleNames) {}

    FileRules read(RuleSource source, Map<String, String> helpById, List<Problem> problems) {
        DrlParser parser = new DrlParser();
        PackageDescr pkg;
        try {
            pkg = parser.parse(false, source.drl());
        } catch (DroolsParserException e) {
            problems.add(Problem.inFile(source.path(), "cannot parse: " + e.getMessage()));
            return new FileRules(List.of(), Map.of(), Map.of());
        }
        if (parser.hasErrors()) {
            for (DroolsError e : parser.getErrors()) {
                int line = e.getLines() == null || e.getLines().length == 0 ? 0 : e.getLines()[0];
                problems.add(new Problem(source.path(), line, 0, e.getMessage().strip()));
            }
            return new FileRules(List.of(), Map.of(), Map.of());
        }
        List<RuleDescriptor> declared = new ArrayList<>();
        Map<String, Integer> reporting = new java.util.LinkedHashMap<>();
        Map<String, Integer> names = new java.util.LinkedHashMap<>();
        for (RuleDescr rule : pkg.getRules()) {
            names.put(pkg.getName() + "/" + rule.getName(), rule.getLine());
            if (rule.isQuery() || rule.getAnnotation("helper") != null) continue;
            String id = value(rule, "id");
            if (id == null) {
                problems.add(new Problem(source.path(), rule.getLine(), 0,
                        "rule \"" + rule.getName() + "\" has no @id (every rule reports under a rule id; mark a rule that reports nothing @helper)"));
                continue;
            }
            reporting.putIfAbsent(id, rule.getLine());
            String levelText = value(rule, "level");
            if (levelText == null) continue;
            descriptor(source, rule, id, levelText, helpById, problems).ifPresent(declared::add);
        }
        return new FileRules(declared, reporting, names);
    }

    private java.util.Optional<RuleDescriptor> descriptor(RuleSource source, RuleDescr rule, String id, String levelText,
                                                          Map<String, String> helpById, List<Problem> problems) {
        Level level = Level.parse(levelText);
        if (level == null) {
            problems.add(new Problem(source.path(), rule.getLine(), 0,
                    "rule \"" + rule.getName() + "\": @level must be error, warning or note, not \"" + levelText + "\""));
            return java.util.Optional.empty();
        }
        String name = orElse(value(rule, "name"), kebab(rule.getName().replace(id, "")));
        if (name.isEmpty() || name.equalsIgnoreCase(id)) {
            problems.add(new Problem(source.path(), rule.getLine(), 0,
                    "rule \"" + rule.getName() + "\": @name must differ from @id (GitHub and SARIF need both)"));
        }
        String title = orElse(value(rule, "title"), rule.getName());
        String help = orElse(value(rule, "help"), helpById.get(id));
        if (help == null) help = title;
        Set<String> requires = new LinkedHashSet<>(split(value(rule, "requires")));
        for (String r : requires) {
            if (InputSection.byId(r).isEmpty()) {
                problems.add(new Problem(source.path(), rule.getLine(), 0, "rule \"" + rule.getName()
                        + "\": @requires names unknown input \"" + r + "\"; known: " + InputSection.ids()));
            }
        }
        return java.util.Optional.of(new RuleDescriptor(id, name, title, level, help, split(value(rule, "tags")),
                requires, scopes(source, rule, problems), source.path(), rule.getLine(), source.builtIn()));
    }

    /** {@code @scopes("agent,channel")}; {@code @scopes("none")} for findings no exemption can narrow. */
    private static Set<String> scopes(RuleSource source, RuleDescr rule, List<Problem> problems) {
        String declared = value(rule, "scopes");
        if (declared == null) return ANY_SCOPE;
        if (declared.equals("none")) return Set.of();
        Set<String> scopes = new LinkedHashSet<>(split(declared));
        for (String s : scopes) {
            if (ExemptionScope.byKey(s).isEmpty()) {
                problems.add(new Problem(source.path(), rule.getLine(), 0, "rule \"" + rule.getName()
                        + "\": @scopes names unknown scope \"" + s + "\"; known: " + String.join(", ", ANY_SCOPE) + ", none"));
            }
        }
        return scopes;
    }

    private static String value(RuleDescr rule, String annotation) {
        AnnotationDescr a = rule.getAnnotation(annotation);
        if (a == null) return null;
        Object v = a.getSingleValue();
        if (v == null) return null;
        String s = AnnotationDescr.unquote(v.toString().strip()).strip();
        return s.isEmpty() ? null : s.replace("\\n", "\n").replace("\\\"", "\"");
    }

    /** "ORG001 Tenant-wide agent in Teams" without its id → "tenant-wide-agent-in-teams", the default @name. */
    private static String kebab(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    private static List<String> split(String list) {
        if (list == null) return List.of();
        return Arrays.stream(list.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
