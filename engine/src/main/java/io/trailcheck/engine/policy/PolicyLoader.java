package io.trailcheck.engine.policy;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.ChannelLogging;
import io.trailcheck.model.Level;
import io.trailcheck.model.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the default policy and overlays into one {@link Policy}. Every problem in every file is reported
 * with its line; an overlay changes only what it names.
 */
public final class PolicyLoader {
    private static final Set<String> TOP_KEYS =
            Set.of("version", "exemptionMaxDays", "rules", "channels", "mailboxPlans", "foundationPlans", "exemptions");
    private static final Set<String> RULE_KEYS = Set.of("level", "enabled", "params");
    private static final Set<String> EXEMPTION_KEYS =
            Set.of("rule", "agent", "user", "tenant", "channel", "reason", "approvedBy", "ticket", "expires");

    private final YamlFiles yaml;
    private final Set<String> knownRuleIds;
    private final Map<String, Set<ExemptionScope>> scopesByRule;
    private final LocalDate today;
    private final Problems problems = new Problems();

    private final List<Path> sources = new ArrayList<>();
    private final Map<String, Level> levels = new HashMap<>();
    private final Map<String, Boolean> enabled = new HashMap<>();
    private final Map<String, Map<String, Object>> params = new HashMap<>();
    private final Map<String, ChannelLogging> channels = new LinkedHashMap<>();
    private final Map<String, String> mailboxPlans = new LinkedHashMap<>();
    private final Map<String, String> foundationPlans = new LinkedHashMap<>();
    private final List<Exemption> exemptions = new ArrayList<>();
    private int exemptionMaxDays = 365;
    private boolean applyingDefault;

    /**
     * @param scopesByRule every rule id loaded (built-in and custom), with what its findings carry that an
     *                     exemption may name: a policy naming another rule, or another scope, is invalid
     * @param today        the evaluation day, for exemption horizons
     */
    public PolicyLoader(ParseLimits limits, Map<String, Set<ExemptionScope>> scopesByRule, LocalDate today) {
        this.yaml = new YamlFiles(limits);
        this.knownRuleIds = scopesByRule.keySet();
        this.scopesByRule = scopesByRule;
        this.today = today;
    }

    /** Applies the built-in default policy, read from a stream named {@code name} in messages. */
    public PolicyLoader applyDefault(Path name, Supplier<InputStream> content) {
        try (InputStream in = content.get()) {
            applyingDefault = true;
            yaml.parse(name, in, problems).ifPresent(root -> apply(name, root));
            applyingDefault = false;
        } catch (java.io.IOException e) {
            problems.add(Problem.inFile(name, "cannot read: " + e.getMessage()));
        }
        return this;
    }

    /** Applies an overlay; an empty file (or one holding only comments) changes nothing. */
    public PolicyLoader applyOverlay(Path file) {
        yaml.parseMaybeEmpty(file, problems).ifPresentOrElse(root -> apply(file, root), () -> sources.add(file));
        return this;
    }

    /** The merged policy; throws {@link io.trailcheck.engine.problem.InputException} listing every problem. */
    public Policy build() {
        checkExemptionHorizons();
        problems.throwIfAny();
        Map<String, RulePolicy> rules = new LinkedHashMap<>();
        Set<String> ids = new java.util.TreeSet<>(knownRuleIds);
        ids.addAll(levels.keySet());
        for (String id : ids) {
            rules.put(id, new RulePolicy(levels.get(id), enabled.getOrDefault(id, true),
                    params.getOrDefault(id, Map.of())));
        }
        return new Policy(List.copyOf(sources), rules, Map.copyOf(channels), Map.copyOf(mailboxPlans),
                Map.copyOf(foundationPlans), exemptionMaxDays, List.copyOf(exemptions));
    }

    private void apply(Path file, Node root) {
        sources.add(file);
        if (!(root instanceof MappingNode)) {
            error(file, root, "a policy is a mapping of keys (rules, channels, exemptions, …), found "
                    + YamlNodes.kindOf(root));
            return;
        }
        for (NodeTuple t : YamlNodes.entries(root)) {
            String key = YamlNodes.keyText(t);
            Node value = t.getValueNode();
            switch (key) {
                case "version" -> integer(file, value, "version").filter(v -> v != 1)
                        .ifPresent(v -> error(file, value, "unsupported policy version " + v + "; this trailcheck reads version 1"));
                case "exemptionMaxDays" -> integer(file, value, "exemptionMaxDays").ifPresent(v -> {
                    if (v < 0) error(file, value, "exemptionMaxDays: expected a number of days, 0 or more, found " + v);
                    else exemptionMaxDays = v;
                });
                case "rules" -> mapping(file, value, "rules", (id, node) -> applyRule(file, id, node));
                case "channels" -> mapping(file, value, "channels", (id, node) -> applyChannel(file, id, node));
                case "mailboxPlans" -> mapping(file, value, "mailboxPlans",
                        (id, node) -> mailboxPlans.put(id.toLowerCase(Locale.ROOT), YamlNodes.text(node).orElse(id)));
                case "foundationPlans" -> mapping(file, value, "foundationPlans",
                        (id, node) -> foundationPlans.put(id.toLowerCase(Locale.ROOT), YamlNodes.text(node).orElse(id)));
                case "exemptions" -> applyExemptions(file, value);
                default -> error(file, t.getKeyNode(), "unknown policy key \"" + key + "\"; expected one of "
                        + String.join(", ", new java.util.TreeSet<>(TOP_KEYS)));
            }
        }
    }

    private void applyRule(Path file, String id, Node node) {
        if (!knownRuleIds.contains(id)) {
            error(file, node, "unknown rule id \"" + id + "\" (trailcheck rules lists the loaded rules)");
            return;
        }
        if (!(node instanceof MappingNode)) {
            error(file, node, "rules." + id + ": expected a mapping such as { level: error }, found " + YamlNodes.kindOf(node));
            return;
        }
        for (NodeTuple t : YamlNodes.entries(node)) {
            String key = YamlNodes.keyText(t);
            Node value = t.getValueNode();
            switch (key) {
                case "level" -> {
                    Optional<String> text = YamlNodes.text(value);
                    Level level = text.map(Level::parse).orElse(null);
                    if (level == null) error(file, value, "rules." + id + ".level: expected error, warning or note, found " + YamlNodes.kindOf(value));
                    else levels.put(id, level);
                }
                case "enabled" -> bool(file, value, "rules." + id + ".enabled").ifPresent(b -> enabled.put(id, b));
                case "params" -> mapping(file, value, "rules." + id + ".params", (name, v) -> applyParam(file, id, name, v));
                default -> error(file, t.getKeyNode(), "rules." + id + ": unknown key \"" + key + "\"; expected level, enabled or params");
            }
        }
    }

    private void applyParam(Path file, String rule, String name, Node node) {
        Map<String, Object> ruleParams = params.computeIfAbsent(rule, k -> new LinkedHashMap<>());
        Object previous = ruleParams.get(name);
        Optional<String> text = YamlNodes.text(node);
        if (text.isEmpty()) {
            error(file, node, "rules." + rule + ".params." + name + ": expected a value, found " + YamlNodes.kindOf(node));
            return;
        }
        Object value = typed(text.get());
        if (previous != null && previous.getClass() != value.getClass()) {
            error(file, node, "rules." + rule + ".params." + name + ": expected " + typeName(previous) + ", found \"" + text.get() + "\"");
            return;
        }
        if (previous == null && !applyingDefault && !ruleParams.isEmpty()) {
            error(file, node, "rules." + rule + ": unknown parameter \"" + name + "\"");
            return;
        }
        ruleParams.put(name, value);
    }

    private void applyChannel(Path file, String id, Node node) {
        ChannelLogging logging = YamlNodes.text(node).map(ChannelLogging::parse).orElse(null);
        if (logging == null) {
            error(file, node, "channels." + id + ": expected logged, not-logged or unknown, found " + YamlNodes.kindOf(node));
            return;
        }
        channels.put(id.toLowerCase(Locale.ROOT), logging);
    }

    private void applyExemptions(Path file, Node node) {
        if (YamlNodes.text(node).isEmpty() && !(node instanceof org.yaml.snakeyaml.nodes.SequenceNode)) {
            if (node instanceof org.yaml.snakeyaml.nodes.ScalarNode) return; // "exemptions:" with no value
            error(file, node, "exemptions: expected a list, found " + YamlNodes.kindOf(node));
            return;
        }
        for (Node item : YamlNodes.items(node)) {
            new ExemptionReader(file, item).read().ifPresent(exemptions::add);
        }
    }

    private void checkExemptionHorizons() {
        LocalDate horizon = today.plusDays(exemptionMaxDays);
        for (Exemption e : exemptions) {
            if (e.expires().isAfter(horizon)) {
                problems.add(problemAt(e.location(), "exemption for " + e.rule() + " expires " + e.expires()
                        + ", more than exemptionMaxDays (" + exemptionMaxDays + ") ahead; the latest allowed is " + horizon));
            }
        }
    }

    /** Reads one exemption entry, reporting each missing or wrong field. */
    private final class ExemptionReader {
        private final Path file;
        private final Node node;

        ExemptionReader(Path file, Node node) {
            this.file = file;
            this.node = node;
        }

        Optional<Exemption> read() {
            if (!(node instanceof MappingNode)) {
                error(file, node, "exemptions[]: expected a mapping with rule, reason, expires, found " + YamlNodes.kindOf(node));
                return Optional.empty();
            }
            for (NodeTuple t : YamlNodes.entries(node)) {
                if (!EXEMPTION_KEYS.contains(YamlNodes.keyText(t))) {
                    error(file, t.getKeyNode(), "exemption: unknown key \"" + YamlNodes.keyText(t) + "\"; expected one of "
                            + String.join(", ", new java.util.TreeSet<>(EXEMPTION_KEYS)));
                }
            }
            String rule = required("rule");
            String reason = required("reason");
            String expiresText = required("expires");
            Map<ExemptionScope, String> scope = new java.util.EnumMap<>(ExemptionScope.class);
            for (ExemptionScope key : ExemptionScope.values()) YamlNodes.scalar(node, key.key()).ifPresent(v -> scope.put(key, v));
            if (rule != null && !knownRuleIds.contains(rule)) {
                error(file, YamlNodes.child(node, "rule").orElse(node), "exemption: unknown rule id \"" + rule + "\"");
                rule = null;
            }
            if (rule != null && !scopesCarried(rule, scope.keySet())) return Optional.empty();
            if (scope.isEmpty()) {
                error(file, node, "exemption: say what it covers with at least one of agent, user, tenant, channel");
            }
            LocalDate expires = date(expiresText);
            if (rule == null || reason == null || expires == null || scope.isEmpty()) return Optional.empty();
            return Optional.of(new Exemption(rule, scope, reason, YamlNodes.scalar(node, "approvedBy").orElse(null),
                    YamlNodes.scalar(node, "ticket").orElse(null), expires, YamlNodes.at(file, node)));
        }

        /** Each scope named must be one the rule's findings carry, or the exemption could never apply. */
        private boolean scopesCarried(String rule, Set<ExemptionScope> named) {
            Set<ExemptionScope> carried = scopesByRule.getOrDefault(rule, Set.of());
            boolean ok = true;
            for (ExemptionScope s : named) {
                if (carried.contains(s)) continue;
                String can = carried.isEmpty() ? "no exemption scope" : "only " + String.join(", ",
                        carried.stream().map(ExemptionScope::key).sorted().toList());
                error(file, YamlNodes.child(node, s.key()).orElse(node), "exemption: " + rule + " findings carry no \""
                        + s.key() + "\", so this exemption could never apply; " + rule + " can be exempted by " + can);
                ok = false;
            }
            return ok;
        }

        private String required(String key) {
            Optional<String> v = YamlNodes.scalar(node, key).map(String::trim).filter(s -> !s.isEmpty());
            if (v.isEmpty()) error(file, node, "exemption: \"" + key + "\" is required");
            return v.orElse(null);
        }

        private LocalDate date(String text) {
            if (text == null) return null;
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                error(file, YamlNodes.child(node, "expires").orElse(node), "exemption: expires must be a date like 2027-03-31, found \"" + text + "\"");
                return null;
            }
        }
    }

    private void mapping(Path file, Node node, String what, java.util.function.BiConsumer<String, Node> each) {
        if (YamlNodes.text(node).isEmpty() && node instanceof org.yaml.snakeyaml.nodes.ScalarNode) return; // empty value
        if (!(node instanceof MappingNode)) {
            error(file, node, what + ": expected a mapping, found " + YamlNodes.kindOf(node));
            return;
        }
        for (NodeTuple t : YamlNodes.entries(node)) each.accept(YamlNodes.keyText(t), t.getValueNode());
    }

    private Optional<Integer> integer(Path file, Node node, String what) {
        Optional<String> text = YamlNodes.text(node);
        try {
            return text.map(String::trim).map(Integer::parseInt);
        } catch (NumberFormatException e) {
            error(file, node, what + ": expected a whole number, found " + YamlNodes.kindOf(node));
            return Optional.empty();
        }
    }

    private Optional<Boolean> bool(Path file, Node node, String what) {
        Optional<String> text = YamlNodes.text(node).map(String::trim);
        if (text.isPresent() && (text.get().equalsIgnoreCase("true") || text.get().equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(text.get()));
        }
        error(file, node, what + ": expected true or false, found " + YamlNodes.kindOf(node));
        return Optional.empty();
    }

    private static Object typed(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) return Boolean.parseBoolean(t);
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return t;
        }
    }

    private static String typeName(Object v) {
        return v instanceof Integer ? "a whole number" : v instanceof Boolean ? "true or false" : "a string";
    }

    private void error(Path file, Node node, String message) {
        problems.add(problemAt(YamlNodes.at(file, node), message));
    }

    private static Problem problemAt(SourceLocation at, String message) {
        return new Problem(at.file(), at.line(), at.column(), message);
    }
}
