package io.trailcheck.engine.input.copilotstudio;

// shape checked against:
//   microsoft/vscode-copilotstudio: …/TestData/Workspace/LocalWorkspace/trigger/Whenanewemailarrives.23ef.mcs.yml
//   microsoft/skills-for-copilot-studio: reference/bot.schema.yaml-authoring.json (ExternalTriggerConfiguration)

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.AgentTrigger;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The event triggers of a workspace: {@code trigger/*.mcs.yml} beside {@code settings.mcs.yml}, each a
 * {@code kind: ExternalTriggerConfiguration} whose {@code externalTriggerSource} is a connector trigger, a
 * recurrence or a flow. Files of another kind are ignored.
 */
final class TriggerReader {
    private static final String KIND = "ExternalTriggerConfiguration";

    private final YamlFiles yaml;

    TriggerReader(YamlFiles yaml) {
        this.yaml = yaml;
    }

    List<AgentTrigger> read(Path folder, String agent, Problems problems) {
        if (!Files.isDirectory(folder)) return List.of();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).matches(".*\\.mcs\\.ya?ml"))
                    .sorted().toList();
        } catch (IOException e) {
            problems.add(Problem.inFile(folder, "cannot read: " + e.getMessage()));
            return List.of();
        }
        List<AgentTrigger> out = new ArrayList<>();
        for (Path file : files) trigger(file, agent, problems).ifPresent(out::add);
        return out;
    }

    private Optional<AgentTrigger> trigger(Path file, String agent, Problems problems) {
        Optional<Node> parsed = yaml.parse(file, problems);
        if (parsed.isEmpty()) return Optional.empty();
        Node root = parsed.get();
        if (!YamlNodes.scalar(root, "kind").map(KIND::equalsIgnoreCase).orElse(false)) return Optional.empty();
        Optional<Node> source = YamlNodes.child(root, "externalTriggerSource");
        String name = file.getFileName().toString().replaceFirst("(?i)\\.mcs\\.ya?ml$", "");
        var at = YamlNodes.entry(root, "externalTriggerSource").map(t -> YamlNodes.at(file, t.getKeyNode()))
                .orElse(YamlNodes.at(file, root));
        String described = describe(root, source.orElse(null));
        return Optional.of(new AgentTrigger(agent, name, described != null ? described : headerName(file), at));
    }

    /** The {@code # Name: When a new email arrives (V3)} header some workspaces carry, or null. */
    private static String headerName(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.limit(5).map(l -> l.replace("\uFEFF", "").trim())
                    .filter(l -> l.regionMatches(true, 0, "# Name:", 0, 7)).map(l -> l.substring(7).trim())
                    .filter(n -> !n.isEmpty()).findFirst().orElse(null);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    /** "Office 365 Outlook, OnNewEmailV3", "RecurrenceTriggerDefinition", a flow's name: what starts the runs. */
    private static String describe(Node root, Node source) {
        Optional<Node> extension = YamlNodes.child(root, "extensionData");
        String connector = extension.flatMap(e -> YamlNodes.scalar(e, "connectorDisplayName"))
                .or(() -> extension.flatMap(e -> YamlNodes.scalar(e, "flowName"))).orElse(null);
        String trigger = source == null ? null : YamlNodes.scalar(source, "triggerId")
                .or(() -> YamlNodes.scalar(source, "kind")).orElse(null);
        if (connector == null) return trigger;
        return trigger == null ? connector : connector + ", " + trigger;
    }
}
