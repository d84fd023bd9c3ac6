package io.trailcheck.engine.parse;

import io.trailcheck.model.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small, null-safe navigation over SnakeYAML nodes. Keys match case-insensitively. */
public final class YamlNodes {
    private YamlNodes() {}

    public static List<NodeTuple> entries(Node node) {
        return node instanceof MappingNode m ? m.getValue() : List.of();
    }

    public static Optional<NodeTuple> entry(Node mapping, String key) {
        for (NodeTuple t : entries(mapping)) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equalsIgnoreCase(key)) return Optional.of(t);
        }
        return Optional.empty();
    }

    public static Optional<Node> child(Node mapping, String key) {
        return entry(mapping, key).map(NodeTuple::getValueNode);
    }

    /** The scalar text of a key's value; empty when absent, null-valued or not a scalar. */
    public static Optional<String> scalar(Node mapping, String key) {
        return child(mapping, key).flatMap(YamlNodes::text);
    }

    public static Optional<String> text(Node node) {
        if (node instanceof ScalarNode s && !isNull(s)) return Optional.of(s.getValue());
        return Optional.empty();
    }

    /** A null scalar ({@code ~}, {@code null}, or nothing at all after {@code ---}). */
    public static boolean isNull(Node node) {
        return node instanceof ScalarNode s && "tag:yaml.org,2002:null".equals(s.getTag().getValue());
    }

    public static List<Node> items(Node node) {
        return node instanceof SequenceNode s ? s.getValue() : List.of();
    }

    public static String keyText(NodeTuple t) {
        return t.getKeyNode() instanceof ScalarNode k ? k.getValue() : "";
    }

    public static SourceLocation at(Path file, Node node) {
        return SourceLocation.of(file, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
    }

    /** A list of strings from a sequence, or from a comma-separated scalar. */
    public static List<String> stringList(Node node) {
        List<String> out = new ArrayList<>();
        if (node instanceof SequenceNode s) {
            for (Node n : s.getValue()) text(n).map(String::trim).filter(v -> !v.isEmpty()).ifPresent(out::add);
        } else {
            text(node).ifPresent(v -> out.addAll(splitCommaList(v)));
        }
        return out;
    }

    public static List<String> splitCommaList(String v) {
        List<String> out = new ArrayList<>();
        for (String part : v.split("[,;]")) {
            String t = part.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    public static String kindOf(Node node) {
        if (node instanceof MappingNode) return "a mapping";
        if (node instanceof SequenceNode) return "a list";
        return text(node).map(v -> "\"" + io.trailcheck.engine.text.SafeText.excerpt(v, 40) + "\"").orElse("null");
    }
}
