package io.trailcheck.engine.cases;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.Level;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads {@code expect.yaml} against the loaded rule catalogue, reporting each wrong entry at its line and
 * column: an unknown key, a rule id the catalogue does not hold, a value of the wrong kind. A case that
 * names a rule that does not exist would otherwise pass without testing anything.
 */
public final class ExpectationReader {
    private static final Set<String> KEYS = Set.of("version", "description", "findings", "rules", "absent", "today");
    private static final Set<String> FINDING_KEYS = Set.of("rule", "entity", "level", "line", "properties", "exempt");

    private final Set<String> knownRules;

    /** @param knownRules the ids of the loaded rules (built-in and custom) */
    public ExpectationReader(Set<String> knownRules) {
        this.knownRules = Set.copyOf(knownRules);
    }

    public Expectation read(Path file) {
        Problems problems = new Problems();
        Optional<Node> root = new YamlFiles(ParseLimits.DEFAULT).parse(file, problems);
        problems.throwIfAny();
        Node r = root.get();
        if (!(r instanceof MappingNode)) {
            problems.add(at(file, r, "expect.yaml is a mapping with findings, rules, absent"));
            problems.throwIfAny();
        }
        Check check = new Check(file, problems);
        check.keys(r, KEYS, "unknown key");
        YamlNodes.child(r, "version").ifPresent(check::version);
        List<Expectation.Expected> findings = YamlNodes.child(r, "findings").map(check::findings).orElse(List.of());
        Set<String> rules = YamlNodes.child(r, "rules").map(n -> check.ruleIds(n, "rules")).orElse(new LinkedHashSet<>());
        Set<String> absent = YamlNodes.child(r, "absent").map(n -> check.ruleIds(n, "absent")).orElse(new LinkedHashSet<>());
        check.consistent(findings, rules, absent);
        if (rules.isEmpty()) findings.forEach(f -> rules.add(f.rule()));
        LocalDate today = YamlNodes.child(r, "today").map(check::today).orElse(null);
        problems.throwIfAny();
        return new Expectation(YamlNodes.scalar(r, "description").orElse(""), findings, rules, absent, today);
    }

    /** The checks of one file, adding what is wrong to its problems. */
    private final class Check {
        private final Path file;
        private final Problems problems;
        private final Map<Expectation.Expected, Node> ruleNodes = new java.util.IdentityHashMap<>();

        Check(Path file, Problems problems) {
            this.file = file;
            this.problems = problems;
        }

        void error(Node node, String message) {
            problems.add(at(file, node, message));
        }

        void keys(Node mapping, Set<String> allowed, String what) {
            for (NodeTuple t : YamlNodes.entries(mapping)) {
                String key = YamlNodes.keyText(t);
                if (!allowed.contains(key)) {
                    error(t.getKeyNode(), what + " \"" + key + "\"; expected one of " + String.join(", ", new TreeSet<>(allowed)));
                }
            }
        }

        void version(Node node) {
            if (!YamlNodes.text(node).map(String::trim).filter("1"::equals).isPresent()) {
                error(node, "version: expected 1, found " + describe(node));
            }
        }

        List<Expectation.Expected> findings(Node list) {
            if (!(list instanceof SequenceNode)) {
                error(list, "findings: expected a list of findings, found " + YamlNodes.kindOf(list));
                return List.of();
            }
            List<Expectation.Expected> out = new ArrayList<>();
            Map<String, Integer> firstLine = new HashMap<>();
            for (Node item : YamlNodes.items(list)) {
                expected(item).ifPresent(e -> {
                    Integer before = firstLine.putIfAbsent(e.key(), e.at());
                    if (before != null) error(item, "finding " + e.key() + " is expected twice (also at line " + before + ")");
                    else out.add(e);
                });
            }
            return out;
        }

        private Optional<Expectation.Expected> expected(Node item) {
            if (!(item instanceof MappingNode)) {
                error(item, "findings[]: expected a mapping with rule and entity, found " + YamlNodes.kindOf(item));
                return Optional.empty();
            }
            keys(item, FINDING_KEYS, "unknown finding key");
            Optional<String> rule = YamlNodes.child(item, "rule").flatMap(n -> ruleId(n, "rule"));
            Optional<String> entity = YamlNodes.child(item, "entity").flatMap(this::entity);
            if (YamlNodes.child(item, "rule").isEmpty() || YamlNodes.child(item, "entity").isEmpty()) {
                error(item, "an expected finding needs rule and entity");
            }
            String level = YamlNodes.child(item, "level").map(this::level).orElse(null);
            int line = YamlNodes.child(item, "line").map(this::line).orElse(0);
            Boolean exempt = YamlNodes.child(item, "exempt").map(this::exempt).orElse(null);
            Map<String, Object> props = YamlNodes.child(item, "properties").map(this::properties).orElse(Map.of());
            if (rule.isEmpty() || entity.isEmpty()) return Optional.empty();
            Expectation.Expected e = new Expectation.Expected(rule.get(), entity.get(), level, line, props, exempt,
                    item.getStartMark().getLine() + 1);
            ruleNodes.put(e, YamlNodes.child(item, "rule").get());
            return Optional.of(e);
        }

        Set<String> ruleIds(Node node, String key) {
            Set<String> ids = new LinkedHashSet<>();
            if (node instanceof SequenceNode) {
                for (Node item : YamlNodes.items(node)) ruleId(item, key + "[]").ifPresent(ids::add);
            } else if (node instanceof ScalarNode) {
                for (String id : YamlNodes.stringList(node)) if (known(node, key, id)) ids.add(id);
            } else {
                error(node, key + ": expected a list of rule ids such as [CIL001, CIL004], found " + YamlNodes.kindOf(node));
            }
            return ids;
        }

        private Optional<String> ruleId(Node node, String key) {
            Optional<String> id = scalar(node, key, "a rule id such as CIL001");
            return id.filter(v -> known(node, key, v));
        }

        private boolean known(Node node, String key, String id) {
            if (knownRules.contains(id)) return true;
            String hint = knownRules.stream().filter(k -> k.equalsIgnoreCase(id)).findFirst()
                    .map(k -> "; did you mean " + k + "?").orElse(" (trailcheck rules lists the loaded rules)");
            error(node, key + ": unknown rule id \"" + id + "\"" + hint);
            return false;
        }

        private Optional<String> entity(Node node) {
            Optional<String> entity = scalar(node, "entity", "kind:key such as agent:cr6b1_faqBot");
            int colon = entity.map(e -> e.indexOf(':')).orElse(0);
            if (entity.isPresent() && (colon < 1 || colon == entity.get().length() - 1)) {
                error(node, "entity: expected kind:key such as agent:cr6b1_faqBot, found \"" + entity.get() + "\"");
                return Optional.empty();
            }
            return entity;
        }

        private String level(Node node) {
            Optional<String> level = scalar(node, "level", "error, warning or note");
            if (level.isPresent() && Level.parse(level.get()) == null) {
                error(node, "level: expected error, warning or note, found \"" + level.get() + "\"");
                return null;
            }
            return level.orElse(null);
        }

        private int line(Node node) {
            Optional<String> text = scalar(node, "line", "a line number");
            if (text.isEmpty()) return 0;
            if (text.get().trim().matches("[1-9][0-9]{0,8}")) return Integer.parseInt(text.get().trim());
            error(node, "line: expected a line number (1 or more), found \"" + text.get() + "\"");
            return 0;
        }

        private Boolean exempt(Node node) {
            Optional<String> text = scalar(node, "exempt", "true or false").map(String::trim);
            if (text.isPresent() && !text.get().equals("true") && !text.get().equals("false")) {
                error(node, "exempt: expected true or false, found \"" + text.get() + "\"");
                return null;
            }
            return text.map(Boolean::parseBoolean).orElse(null);
        }

        private Map<String, Object> properties(Node node) {
            if (!(node instanceof MappingNode)) {
                error(node, "properties: expected a mapping such as { affected: 4, total: 7 }, found " + YamlNodes.kindOf(node));
                return Map.of();
            }
            Map<String, Object> props = new LinkedHashMap<>();
            YamlNodes.entries(node).forEach(t -> props.put(YamlNodes.keyText(t), plain(t.getValueNode())));
            return props;
        }

        LocalDate today(Node node) {
            try {
                return YamlNodes.text(node).map(String::trim).map(LocalDate::parse).orElse(null);
            } catch (DateTimeParseException e) {
                error(node, "today: expected a date like 2026-11-25, found " + describe(node));
                return null;
            }
        }

        /** A finding's rule must be compared (in rules) and may not be both expected and absent. */
        void consistent(List<Expectation.Expected> findings, Set<String> rules, Set<String> absent) {
            for (Expectation.Expected f : findings) {
                Node at = ruleNodes.get(f);
                if (absent.contains(f.rule())) error(at, "finding " + f.key() + " is expected, but absent lists " + f.rule());
                else if (!rules.isEmpty() && !rules.contains(f.rule())) {
                    error(at, "finding " + f.key() + " is expected, but rules does not list " + f.rule());
                }
            }
        }

        private Optional<String> scalar(Node node, String key, String expected) {
            Optional<String> text = YamlNodes.text(node).filter(t -> !t.isBlank());
            if (text.isEmpty()) error(node, key + ": expected " + expected + ", found " + YamlNodes.kindOf(node));
            return text;
        }

        private String describe(Node node) {
            return node instanceof ScalarNode s ? "\"" + s.getValue() + "\"" : YamlNodes.kindOf(node);
        }
    }

    /** A YAML value as plain strings, lists and maps, for comparing with finding properties. */
    private static Object plain(Node node) {
        if (node instanceof MappingNode) {
            Map<String, Object> m = new LinkedHashMap<>();
            YamlNodes.entries(node).forEach(t -> m.put(YamlNodes.keyText(t), plain(t.getValueNode())));
            return m;
        }
        List<Node> items = YamlNodes.items(node);
        if (!items.isEmpty()) return items.stream().map(ExpectationReader::plain).toList();
        return YamlNodes.text(node).orElse(null);
    }

    private static Problem at(Path file, Node node, String message) {
        return new Problem(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1, message);
    }
}
