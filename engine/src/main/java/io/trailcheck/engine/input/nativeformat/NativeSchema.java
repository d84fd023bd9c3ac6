package io.trailcheck.engine.input.nativeformat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.trailcheck.engine.problem.Problem;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Validates a native snapshot against the published JSON Schema ({@code schema/trailcheck-snapshot.schema.json})
 * and reports each violation at the line of the value at fault.
 */
final class NativeSchema {
    static final String RESOURCE = "/io/trailcheck/schema/trailcheck-snapshot.schema.json";
    /** Prefix of the pointers under which key nodes are remembered (an unknown key is reported at itself). */
    private static final String KEY = "key:";
    private static final Schema SCHEMA = load();

    private NativeSchema() {}

    static List<Problem> validate(Path file, Node root) {
        Map<String, Node> nodes = new HashMap<>();
        JsonNode json = toJson(root, "", nodes);
        List<Problem> problems = new ArrayList<>();
        for (Error e : SCHEMA.validate(json)) {
            String pointer = pointer(e.getInstanceLocation());
            Node at = nodes.getOrDefault(pointer, root);
            if (e.getProperty() != null && nodes.containsKey(KEY + pointer + "/" + e.getProperty())) {
                at = nodes.get(KEY + pointer + "/" + e.getProperty());
            }
            problems.add(new Problem(file, at.getStartMark().getLine() + 1, at.getStartMark().getColumn() + 1,
                    describe(pointer, e)));
        }
        return problems;
    }

    private static String describe(String pointer, Error e) {
        String message = e.getMessage();
        if (message.startsWith("$")) {
            int colon = message.indexOf(": ");
            if (colon > 0) message = message.substring(colon + 2);
        }
        return (pointer.isEmpty() ? "" : pointer.substring(1).replace('/', '.') + ": ") + message;
    }

    private static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) sb.append('/').append(path.getElement(i));
        return sb.toString();
    }

    /** The node tree as JSON, remembering the YAML node behind each JSON pointer. */
    private static JsonNode toJson(Node node, String pointer, Map<String, Node> nodes) {
        nodes.put(pointer, node);
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (node instanceof MappingNode m) {
            ObjectNode o = f.objectNode();
            for (NodeTuple t : m.getValue()) {
                String key = t.getKeyNode() instanceof ScalarNode k ? k.getValue() : String.valueOf(t.getKeyNode());
                nodes.put(KEY + pointer + "/" + key, t.getKeyNode());
                o.set(key, toJson(t.getValueNode(), pointer + "/" + key, nodes));
            }
            return o;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode a = f.arrayNode();
            for (int i = 0; i < s.getValue().size(); i++) a.add(toJson(s.getValue().get(i), pointer + "/" + i, nodes));
            return a;
        }
        return scalar((ScalarNode) node, f);
    }

    private static JsonNode scalar(ScalarNode s, JsonNodeFactory f) {
        String v = s.getValue();
        try {
            return switch (s.getTag().getValue()) {
                case "tag:yaml.org,2002:null" -> f.nullNode();
                case "tag:yaml.org,2002:bool" -> f.booleanNode(Boolean.parseBoolean(v.toLowerCase()));
                case "tag:yaml.org,2002:int" -> f.numberNode(new BigInteger(v.replace("_", "")));
                case "tag:yaml.org,2002:float" -> f.numberNode(Double.parseDouble(v));
                default -> f.textNode(v);
            };
        } catch (NumberFormatException e) {
            return f.textNode(v);
        }
    }

    private static Schema load() {
        try (InputStream in = NativeSchema.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing " + RESOURCE);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
