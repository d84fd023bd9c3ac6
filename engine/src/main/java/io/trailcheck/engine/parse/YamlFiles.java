package io.trailcheck.engine.parse;

import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.engine.text.SafeText;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.UnicodeReader;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Parses YAML (and JSON written as YAML) into SnakeYAML's node tree, which keeps the line of every key and
 * value. Only composes nodes: no tag can construct an object. Duplicate keys, alias floods, deep nesting
 * and oversized documents are rejected by the parser's own limits.
 */
public final class YamlFiles {
    private final ParseLimits limits;

    public YamlFiles(ParseLimits limits) {
        this.limits = limits;
    }

    /** The document's root node; empty (with a problem added) when the file cannot be parsed. */
    public Optional<Node> parse(Path file, Problems problems) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file, in, problems);
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Like {@link #parse(Path, Problems)}, but a document with no content (empty, or only comments) is no
     * problem: it is simply empty.
     */
    public Optional<Node> parseMaybeEmpty(Path file, Problems problems) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file, in, problems, true);
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** Parses a stream; {@code file} names it in messages (a classpath resource, say). */
    public Optional<Node> parse(Path file, InputStream in, Problems problems) {
        return parse(file, in, problems, false);
    }

    private Optional<Node> parse(Path file, InputStream in, Problems problems, boolean emptyAllowed) {
        try (Reader reader = new UnicodeReader(in)) {
            Node root = compose(reader);
            if (root == null || emptyAllowed && YamlNodes.isNull(root)) {
                if (!emptyAllowed) problems.add(Problem.inFile(file, "the file is empty"));
                return Optional.empty();
            }
            int before = problems.list().size();
            checkDuplicateKeys(file, root, problems);
            if (expandedSize(root) > MAX_EXPANDED_NODES) {
                problems.add(new Problem(file, 1, 1, "YAML aliases expand the document to more than " + MAX_EXPANDED_NODES
                        + " nodes (a \"billion laughs\" document?)"));
            }
            return problems.list().size() == before ? Optional.of(root) : Optional.empty();
        } catch (StackOverflowError e) {
            problems.add(new Problem(file, 1, 1, "malformed YAML: nested too deeply to read with this Java stack: lower "
                    + "--max-nesting-depth (now " + limits.maxNestingDepth() + ")"));
        } catch (MarkedYAMLException e) {
            problems.add(located(file, e));
        } catch (org.yaml.snakeyaml.reader.ReaderException e) {
            problems.add(at(file, TextPositions.ofCodePoint(file, e.getPosition()),
                    String.format("malformed YAML: character U+%04X is not allowed", e.getCodePoint())));
        } catch (YAMLException e) {
            problems.add(unlocated(file, e));
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** More nodes than any real export has, far fewer than an alias bomb expands to. */
    static final long MAX_EXPANDED_NODES = 10_000_000;

    /**
     * Nodes the document would have with every alias expanded; shared nodes are counted once each time used,
     * a node that contains itself (a recursive alias) once. Iterative, so depth costs no stack.
     */
    private static long expandedSize(Node root) {
        java.util.Map<Node, Long> done = new java.util.IdentityHashMap<>();
        java.util.Set<Node> open = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Node> stack = new java.util.ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            Node node = stack.peek();
            if (done.containsKey(node)) {
                stack.pop();
            } else if (open.add(node)) {
                for (Node c : children(node)) if (!done.containsKey(c) && !open.contains(c)) stack.push(c);
            } else {
                stack.pop();
                open.remove(node);
                long total = 1;
                for (Node c : children(node)) total = Math.min(Long.MAX_VALUE / 4, total + done.getOrDefault(c, 1L));
                done.put(node, total);
            }
        }
        return done.get(root);
    }

    private static List<Node> children(Node node) {
        if (node instanceof org.yaml.snakeyaml.nodes.SequenceNode s) return s.getValue();
        if (!(node instanceof org.yaml.snakeyaml.nodes.MappingNode m)) return List.of();
        List<Node> out = new java.util.ArrayList<>(m.getValue().size() * 2);
        for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
            out.add(t.getKeyNode());
            out.add(t.getValueNode());
        }
        return out;
    }

    /**
     * Composing does not check duplicate keys (constructing would): a key given twice is ambiguous. Keys are
     * compared without letter case, as every reader looks them up ({@link YamlNodes}). Iterative.
     */
    private static void checkDuplicateKeys(Path file, Node root, Problems problems) {
        java.util.Set<Node> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Node> pending = new java.util.ArrayDeque<>();
        pending.push(root);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (!seen.add(node)) continue;
            if (node instanceof org.yaml.snakeyaml.nodes.MappingNode m) duplicateKeys(file, m, problems);
            for (Node c : children(node)) pending.push(c);
        }
    }

    private static void duplicateKeys(Path file, org.yaml.snakeyaml.nodes.MappingNode m, Problems problems) {
        java.util.Map<String, org.yaml.snakeyaml.nodes.ScalarNode> keys = new java.util.HashMap<>();
        for (org.yaml.snakeyaml.nodes.NodeTuple t : m.getValue()) {
            if (!(t.getKeyNode() instanceof org.yaml.snakeyaml.nodes.ScalarNode k)) continue;
            org.yaml.snakeyaml.nodes.ScalarNode first = keys.putIfAbsent(k.getValue().toLowerCase(java.util.Locale.ROOT), k);
            if (first == null) continue;
            String key = SafeText.excerpt(k.getValue(), 60);
            String message = first.getValue().equals(k.getValue()) ? "duplicate key \"" + key + "\""
                    : "duplicate key \"" + key + "\": also given as \"" + SafeText.excerpt(first.getValue(), 60)
                    + "\" at line " + (first.getStartMark().getLine() + 1) + " (keys are compared without letter case)";
            problems.add(new Problem(file, k.getStartMark().getLine() + 1, k.getStartMark().getColumn() + 1, message));
        }
    }

    /** As {@code new Yaml(..).compose(reader)}, but reading through {@link LinearStreamReader}. */
    private Node compose(Reader reader) {
        LoaderOptions options = options();
        return new org.yaml.snakeyaml.composer.Composer(
                new org.yaml.snakeyaml.parser.ParserImpl(new LinearStreamReader(reader), options),
                new org.yaml.snakeyaml.resolver.Resolver(), options).getSingleNode();
    }

    private LoaderOptions options() {
        return loaderOptions(limits);
    }

    /** SnakeYAML's own limits, shared with Jackson's YAML parser. */
    static LoaderOptions loaderOptions(ParseLimits limits) {
        LoaderOptions o = new LoaderOptions();
        o.setAllowDuplicateKeys(false);
        o.setMaxAliasesForCollections(limits.maxYamlAliases());
        o.setAllowRecursiveKeys(false);
        o.setNestingDepthLimit(limits.maxNestingDepth());
        o.setCodePointLimit(limits.maxYamlCodePoints());
        o.setProcessComments(false);
        return o;
    }

    private static Problem located(Path file, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
        String context = e.getContext();
        String message = "malformed YAML: " + SafeText.excerpt((context == null ? "" : context + ": ") + firstLine(problem), 200);
        return mark == null ? Problem.inFile(file, message)
                : new Problem(file, mark.getLine() + 1, mark.getColumn() + 1, message);
    }

    private static Problem at(Path file, int[] position, String message) {
        return position == null ? Problem.inFile(file, message) : new Problem(file, position[0], position[1], message);
    }

    private Problem unlocated(Path file, YAMLException e) {
        String message = firstLine(e.getMessage());
        if (message.startsWith("Nesting Depth exceeded")) {
            return at(file, TextPositions.ofFlowDepth(file, limits.maxNestingDepth()),
                    "malformed YAML: nested deeper than " + limits.maxNestingDepth() + " levels (--max-nesting-depth)");
        }
        Throwable cause = e.getCause();
        if (cause instanceof java.nio.charset.CharacterCodingException) {
            return Utf8Check.firstInvalid(file)
                    .orElse(Problem.inFile(file, "the file is not valid UTF-8 text"));
        }
        return Problem.inFile(file, "malformed YAML: " + message);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).trim();
    }
}
