package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code settings.mcs.yml} of an agent workspace ({@code pac copilot clone}, the Copilot Studio VS Code
 * extension): one agent, every field with its line; {@code publishedOn} says it was published; the
 * workspace's {@code trigger/*.mcs.yml} files are its event triggers ({@link TriggerReader}).
 */
public final class WorkspaceReader {
    private static final List<String> SCALARS = List.of(AgentFields.SCHEMA_NAME, AgentFields.DISPLAY_NAME,
            AgentFields.AUTHENTICATION_MODE, AgentFields.AUTHENTICATION_TRIGGER, AgentFields.ACCESS_CONTROL_POLICY);

    private final YamlFiles yaml;
    private final TriggerReader triggers;

    public WorkspaceReader(YamlFiles yaml) {
        this.yaml = yaml;
        this.triggers = new TriggerReader(yaml);
    }

    public AgentsSection read(Path file, Problems problems) {
        Optional<Node> parsed = yaml.parse(file, problems);
        if (parsed.isEmpty()) return new AgentsSection(List.of());
        Node root = parsed.get();
        if (!(root instanceof MappingNode)) {
            problems.add(problem(file, root, "expected the agent's settings as a mapping, found " + YamlNodes.kindOf(root)));
            return new AgentsSection(List.of());
        }
        AgentDraft draft = new AgentDraft(file, AgentDraft.Origin.WORKSPACE, YamlNodes.at(file, root));
        for (String field : SCALARS) readScalar(file, root, field, draft, problems);
        // older clones and Microsoft's own fixtures name the agent with name: rather than displayName:
        if (draft.get(AgentFields.DISPLAY_NAME) == null) readScalar(file, root, "name", AgentFields.DISPLAY_NAME, draft, problems);
        YamlNodes.scalar(root, "publishedOn").filter(v -> !v.isBlank())
                .ifPresent(v -> draft.publishState = io.trailcheck.model.PublishState.PUBLISHED);
        YamlNodes.entry(root, AgentFields.AUTHORIZED_GROUPS).ifPresent(t -> {
            draft.authorizedGroupIds = YamlNodes.stringList(t.getValueNode());
            draft.locations.put(AgentFields.AUTHORIZED_GROUPS, YamlNodes.at(file, t.getKeyNode()));
        });
        YamlNodes.child(root, "configuration").flatMap(c -> YamlNodes.entry(c, AgentFields.CHANNELS))
                .ifPresent(t -> draft.channels = channels(file, t, problems));
        if (draft.get(AgentFields.SCHEMA_NAME) == null) {
            problems.add(Problem.inFile(file, "no schemaName: a settings.mcs.yml names its agent with schemaName"));
            return new AgentsSection(List.of());
        }
        draft.triggers.addAll(triggers.read(file.resolveSibling("trigger"), draft.get(AgentFields.SCHEMA_NAME), problems));
        return new AgentsSection(List.of(draft));
    }

    private static void readScalar(Path file, Node root, String field, AgentDraft draft, Problems problems) {
        readScalar(file, root, field, field, draft, problems);
    }

    private static void readScalar(Path file, Node root, String key, String field, AgentDraft draft, Problems problems) {
        YamlNodes.entry(root, key).ifPresent(t -> {
            Node value = t.getValueNode();
            if (!(value instanceof ScalarNode)) {
                problems.add(problem(file, value, key + ": expected a single value, found " + YamlNodes.kindOf(value)));
                return;
            }
            YamlNodes.text(value).ifPresent(v -> draft.set(field, v.trim(), YamlNodes.at(file, t.getKeyNode())));
        });
    }

    private static List<AgentDraft.ChannelDraft> channels(Path file, NodeTuple entry, Problems problems) {
        List<AgentDraft.ChannelDraft> out = new ArrayList<>();
        for (Node item : YamlNodes.items(entry.getValueNode())) {
            Optional<String> id = item instanceof ScalarNode ? YamlNodes.text(item) : YamlNodes.scalar(item, "channelId");
            if (id.isEmpty()) {
                problems.add(problem(file, item, "channels[]: expected an entry with a channelId"));
                continue;
            }
            out.add(new AgentDraft.ChannelDraft(id.get().trim(), YamlNodes.at(file, item)));
        }
        return out;
    }

    private static Problem problem(Path file, Node node, String message) {
        SourceLocation at = YamlNodes.at(file, node);
        return new Problem(file, at.line(), at.column(), message);
    }
}
