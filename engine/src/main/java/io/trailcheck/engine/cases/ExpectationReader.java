package io.trailcheck.engine.cases;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code expect.yaml}, reporting each wrong entry with its line. */
public final class ExpectationReader {
    private static final Set<String> KEYS = Set.of("version", "description", "findings", "rules", "absent", "today");
    private static final Set<String> FINDING_KEYS = Set.of("rule", "entity", "level", "line", "properties", "exempt");

    public Expectation read(Path file) {
        Problems problems = new Problems();
        Optional<Node> root = new YamlFiles(ParseLimits.DEFAULT).parse(file, problems);
        problems.throwIfAny();
        Node r = root.get();
        if (!(r instanceof MappingNode)) {
            problems.add(at(file, r, "expect.yaml is a mapping with findings, rules, absent"));
            problems.throwIfAny();
        }
        for (NodeTuple t : YamlNodes.entries(r)) {
            if (!KEYS.contains(YamlNodes.keyText(t))) problems.add(at(file, t.getKeyNode(), "unknown key \"" + YamlNodes.keyText(t) + "\""));
        }
        List<Expectation.Expected> findings = new ArrayList<>();
        YamlNodes.child(r, "findings").ifPresent(list -> {
            for (Node item : YamlNodes.items(list)) expected(file, item, problems).ifPresent(findings::add);
        });
        Set<String> rules = new LinkedHashSet<>(YamlNodes.child(r, "rules").map(YamlNodes::stringList).orElse(List.of()));
        if (rules.isEmpty()) findings.forEach(f -> rules.add(f.rule()));
        Set<String> absent = new LinkedHashSet<>(YamlNodes.child(r, "absent").map(YamlNodes::stringList).orElse(List.of()));
        java.time.LocalDate today = null;
        Optional<String> day = YamlNodes.scalar(r, "today");
        try {
            today = day.map(java.time.LocalDate::parse).orElse(null);
        } catch (java.time.format.DateTimeParseException e) {
            problems.add(at(file, YamlNodes.child(r, "today").get(), "today: expected a date like 2026-11-25"));
        }
        problems.throwIfAny();
        return new Expectation(YamlNodes.scalar(r, "description").orElse(""), findings, rules, absent, today);
    }

    private static Optional<Expectation.Expected> expected(Path file, Node item, Problems problems) {
        for (NodeTuple t : YamlNodes.entries(item)) {
            if (!FINDING_KEYS.contains(YamlNodes.keyText(t))) problems.add(at(file, t.getKeyNode(), "unknown finding key \"" + YamlNodes.keyText(t) + "\""));
        }
        Optional<String> rule = YamlNodes.scalar(item, "rule");
        Optional<String> entity = YamlNodes.scalar(item, "entity");
        if (rule.isEmpty() || entity.isEmpty()) {
            problems.add(at(file, item, "an expected finding needs rule and entity"));
            return Optional.empty();
        }
        Map<String, Object> props = new LinkedHashMap<>();
        YamlNodes.child(item, "properties").ifPresent(p -> YamlNodes.entries(p).forEach(t -> props.put(YamlNodes.keyText(t), plain(t.getValueNode()))));
        int line = YamlNodes.scalar(item, "line").map(String::trim).map(Integer::parseInt).orElse(0);
        Boolean exempt = YamlNodes.scalar(item, "exempt").map(v -> Boolean.parseBoolean(v.trim())).orElse(null);
        return Optional.of(new Expectation.Expected(rule.get(), entity.get(), YamlNodes.scalar(item, "level").orElse(null),
                line, props, exempt, item.getStartMark().getLine() + 1));
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
