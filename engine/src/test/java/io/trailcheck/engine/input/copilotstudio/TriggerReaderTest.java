package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.AgentTrigger;
import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Workspace trigger files as the Copilot Studio extension writes them: BOM, CRLF, blank lines, headers. */
class TriggerReaderTest {
    @TempDir Path dir;
    private final TriggerReader reader = new TriggerReader(new YamlFiles(ParseLimits.DEFAULT));

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve("trigger").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    @Test
    void readsConnectorRecurrenceAndBareTriggersAndIgnoresOtherKinds() throws IOException {
        Path mail = write("Whenanewemailarrives.23ef.mcs.yml", "\uFEFFkind: ExternalTriggerConfiguration\r\n"
                + "externalTriggerSource:\r\n  kind: ConnectorTriggerDefinition\r\n  callbackMessage: Use trigger content.\r\n"
                + "  inputs:\r\n    - kind: ManualTaskInput\r\n      propertyName: folderPath\r\n      value: Inbox\r\n\r\n"
                + "  connectionReference: cr6b1_agent.shared_office365.0f3c\r\n  connectionProperties:\r\n    mode: Invoker\r\n\r\n"
                + "  triggerId: OnNewEmailV3\r\n\r\nextensionData:\r\n  connectorDisplayName: Office 365 Outlook\r\n");
        Path flow = write("Nightly.9a1b.mcs.yml", "kind: ExternalTriggerConfiguration\nexternalTriggerSource:\n"
                + "  kind: WorkflowExternalTrigger\n  flowId: 4d2e6f80-1a3b-4c5d-8e9f-0a1b2c3d4e5f\nextensionData:\n"
                + "  flowName: Nightly export\n  triggerConnectionType: Schedule\n");
        Path bare = write("MissingFields.mcs.yml", "# Name: Missing Fields Trigger\n# A trigger with only its kind.\n"
                + "kind: ExternalTriggerConfiguration\n");
        write("Greeting.mcs.yml", "kind: AdaptiveDialog\nbeginDialog:\n  kind: OnConversationStart\n  id: main\n");
        write("notes.txt", "kind: ExternalTriggerConfiguration\n");
        Problems problems = new Problems();
        List<AgentTrigger> triggers = reader.read(dir.resolve("trigger"), "cr6b1_agent", problems);
        assertTrue(problems.isEmpty(), problems.list().toString());
        assertEquals(List.of(
                new AgentTrigger("cr6b1_agent", "MissingFields", "Missing Fields Trigger", SourceLocation.of(bare, 3, 1)),
                new AgentTrigger("cr6b1_agent", "Nightly.9a1b", "Nightly export, WorkflowExternalTrigger", SourceLocation.of(flow, 2, 1)),
                new AgentTrigger("cr6b1_agent", "Whenanewemailarrives.23ef", "Office 365 Outlook, OnNewEmailV3", SourceLocation.of(mail, 2, 1))),
                triggers);
        assertEquals("Whenanewemailarrives.23ef (Office 365 Outlook, OnNewEmailV3)", triggers.get(2).title());
    }

    @Test
    void aMalformedTriggerFileIsALocatedProblem() throws IOException {
        Path bad = write("Broken.mcs.yml", "kind: ExternalTriggerConfiguration\nexternalTriggerSource: [\n");
        Problems problems = new Problems();
        reader.read(dir.resolve("trigger"), "cr6b1_agent", problems);
        assertEquals(bad, problems.list().get(0).file());
        assertTrue(problems.list().get(0).line() > 0, problems.list().toString());
    }
}
