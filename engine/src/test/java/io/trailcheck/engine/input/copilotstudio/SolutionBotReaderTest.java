package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolutionBotReaderTest {
    @TempDir Path dir;

    private final SolutionBotReader reader = new SolutionBotReader(new JsonFiles(ParseLimits.DEFAULT));
    private final Problems problems = new Problems();
    private final List<AgentDraft> agents = new java.util.ArrayList<>();

    /** Reads one bot.xml the way a scan does; returns how many agents it gave. */
    private int read(Path botXml) {
        AgentsSection section = reader.read(botXml, problems);
        agents.addAll(section.agents());
        return section.records();
    }

    private static Path fixture(String schema) throws URISyntaxException {
        return Path.of(SolutionBotReaderTest.class.getResource("/solution/bots/" + schema + "/bot.xml").toURI());
    }

    private Path write(String folder, String name, String text) throws IOException {
        Path f = dir.resolve("bots").resolve(folder).resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private static List<String> channelIds(AgentDraft d) {
        return d.channels.stream().map(AgentDraft.ChannelDraft::channelId).toList();
    }

    @Test
    void readsIntegratedAgentWithItsChannels() throws Exception {
        assertEquals(1, read(fixture("cr6b1_travelAgent")));
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        AgentDraft d = agents.get(0);
        assertTrue(d.isSourceControlled());
        assertEquals(1, d.location.line());
        assertEquals("cr6b1_travelAgent", d.get(AgentFields.SCHEMA_NAME));
        assertEquals("Travel Agent", d.get(AgentFields.DISPLAY_NAME));
        assertEquals("2", d.get(AgentFields.AUTHENTICATION_MODE));
        assertEquals("1", d.get(AgentFields.AUTHENTICATION_TRIGGER));
        assertNull(d.get(AgentFields.ACCESS_CONTROL_POLICY));
        assertEquals(3, d.locations.get(AgentFields.AUTHENTICATION_MODE).line());
        assertEquals(4, d.locations.get(AgentFields.AUTHENTICATION_TRIGGER).line());
        assertEquals(List.of("MsTeams", "Microsoft365Copilot"), channelIds(d));
        assertEquals(4, d.channels.get(0).location().line());
        assertEquals(8, d.channels.get(1).location().line());
        assertTrue(d.channels.get(0).location().file().endsWith("configuration.json"));
    }

    @Test
    void readsUnauthenticatedAgentOnDirectLine() throws Exception {
        assertEquals(1, read(fixture("cr6b1_faqBot")));
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        AgentDraft d = agents.get(0);
        assertEquals("cr6b1_faqBot", d.get(AgentFields.SCHEMA_NAME));
        assertEquals("1", d.get(AgentFields.AUTHENTICATION_MODE));
        assertEquals(2, d.locations.get(AgentFields.AUTHENTICATION_MODE).line());
        assertEquals(List.of("Directline"), channelIds(d));
        assertEquals(4, d.channels.get(0).location().line());
    }

    @Test
    void fallsBackToTheFolderNameAndReadsPolicyAndGroups() throws IOException {
        Path f = write("cr6b1_hr", "bot.xml", """
                <bot>
                  <accesscontrolpolicy>2</accesscontrolpolicy>
                  <authenticationmode>2</authenticationmode>
                  <authorizedsecuritygroupids>g1, g2;g3</authorizedsecuritygroupids>
                </bot>
                """);
        assertEquals(1, read(f));
        AgentDraft d = agents.get(0);
        assertEquals("cr6b1_hr", d.get(AgentFields.SCHEMA_NAME));
        assertEquals("2", d.get(AgentFields.ACCESS_CONTROL_POLICY));
        assertEquals(2, d.locations.get(AgentFields.ACCESS_CONTROL_POLICY).line());
        assertEquals(List.of("g1", "g2", "g3"), d.authorizedGroupIds);
        assertEquals(4, d.locations.get(AgentFields.AUTHORIZED_GROUPS).line());
        assertNull(d.channels);
    }

    @Test
    void malformedXmlGivesALocatedProblem() throws IOException {
        Path f = write("cr6b1_bad", "bot.xml", """
                <bot schemaname="cr6b1_bad">
                  <authenticationmode>2</authenticationmod>
                </bot>
                """);
        assertEquals(0, read(f));
        assertTrue(agents.isEmpty());
        Problem p = problems.list().get(0);
        assertEquals(f, p.file());
        assertEquals(2, p.line());
        assertTrue(p.column() > 0);
        assertTrue(p.message().startsWith("malformed XML: "), p.message());
    }

    @Test
    void malformedConfigurationKeepsTheAgentAndReportsWhere() throws IOException {
        Path f = write("cr6b1_cfg", "bot.xml", "<bot schemaname=\"cr6b1_cfg\"/>\n");
        Path config = write("cr6b1_cfg", "configuration.json", "{\n  \"channels\": [ {\"channelId\": } ]\n}\n");
        assertEquals(1, read(f));
        assertNull(agents.get(0).channels);
        Problem p = problems.list().get(0);
        assertEquals(config, p.file());
        assertEquals(2, p.line());
        assertTrue(p.message().startsWith("malformed JSON: "), p.message());
    }

    @Test
    void externalEntityIsRefusedAndNotRead() throws IOException {
        Path f = write("cr6b1_xxe", "bot.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>
                <bot schemaname="cr6b1_xxe">
                  <name>&e;</name>
                </bot>
                """);
        assertEquals(0, read(f));
        assertTrue(agents.isEmpty());
        List<Problem> found = problems.list();
        assertEquals(1, found.size());
        assertTrue(found.get(0).line() > 0);
        assertTrue(found.get(0).message().startsWith("malformed XML: "), found.get(0).message());
        assertFalse(found.get(0).message().contains("root:"));
    }
}
