package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.model.AccessControlPolicy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.AuthenticationTrigger;
import io.trailcheck.model.EntityRef;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.UnknownValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.trailcheck.engine.TestSnapshots.read;
import static io.trailcheck.engine.TestSnapshots.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dataverse {@code GET /api/data/v9.2/bots} with FormattedValue annotations, merged with the same agent's
 * {@code settings.mcs.yml} workspace.
 */
class DataverseBotsReaderTest {
    private static final String HR_GROUPS_1 = "36e15d6a-35df-4e5a-82b0-a0631dc3b3f5";
    private static final String HR_GROUPS_2 = "f9f6b9d4-3f76-4542-97cc-755368c4afd2";
    private static final String HR_GROUPS_3 = "95ead5b9-c522-4cf2-ac90-d8da7b07fb9a";

    private static Agent agent(Snapshot s, String schema) {
        return s.agents().stream().filter(a -> a.schemaName().equals(schema)).findFirst()
                .orElseThrow(() -> new AssertionError("no agent " + schema + " in " + s.agents()));
    }

    private static List<AgentChannel> channels(Snapshot s, String schema) {
        return s.channels().stream().filter(c -> c.agent().equals(schema)).toList();
    }

    private static void at(SourceLocation l, Path file, int line, int column) {
        assertEquals(file, l.file(), () -> "file of " + l);
        assertEquals(line, l.line(), () -> "line of " + l);
        assertEquals(column, l.column(), () -> "column of " + l);
    }

    @Test
    void readsPicklistIntegersOfEveryAgent() throws Exception {
        Path bots = resource("dataverse/env/dataverse/bots.json");
        Snapshot s = read(bots);
        assertEquals(List.of("cr6b1_faqBot", "cr6b1_hrHelpdesk", "cr6b1_legacyExpenses", "cr6b1_partnerPortal",
                "cr6b1_pilotAgent", "cr6b1_salesCoach"), s.agents().stream().map(Agent::schemaName).toList());
        assertEquals(1, s.files().size());
        assertEquals(InputKind.DATAVERSE_BOTS, s.files().get(0).kind());
        assertEquals(6, s.files().get(0).records());

        Agent legacy = agent(s, "cr6b1_legacyExpenses");
        assertEquals(AuthenticationMode.UNSPECIFIED, legacy.authenticationMode());
        assertEquals(AuthenticationTrigger.AS_NEEDED, legacy.authenticationTrigger());
        assertEquals(AccessControlPolicy.CHATBOT_READERS, legacy.accessControlPolicy());
        assertEquals("Legacy Expenses Bot", legacy.displayName());

        Agent faq = agent(s, "cr6b1_faqBot");
        assertEquals(AuthenticationMode.NONE, faq.authenticationMode());
        assertEquals(AuthenticationTrigger.AS_NEEDED, faq.authenticationTrigger());
        assertEquals(AccessControlPolicy.ANY, faq.accessControlPolicy());

        Agent sales = agent(s, "cr6b1_salesCoach");
        assertEquals(AuthenticationMode.INTEGRATED, sales.authenticationMode());
        assertEquals(AuthenticationTrigger.ALWAYS, sales.authenticationTrigger());
        assertEquals(AccessControlPolicy.CHATBOT_READERS, sales.accessControlPolicy());

        Agent hr = agent(s, "cr6b1_hrHelpdesk");
        assertEquals(AuthenticationMode.CUSTOM_AZURE_ACTIVE_DIRECTORY, hr.authenticationMode());
        assertEquals(AuthenticationTrigger.ALWAYS, hr.authenticationTrigger());
        assertEquals(AccessControlPolicy.GROUP_MEMBERSHIP, hr.accessControlPolicy());

        Agent portal = agent(s, "cr6b1_partnerPortal");
        assertEquals(AuthenticationMode.GENERIC_OAUTH2, portal.authenticationMode());
        assertEquals(AccessControlPolicy.ANY_MULTI_TENANT, portal.accessControlPolicy());
        assertEquals("Partner Portal", portal.displayName());
    }

    @Test
    void locatesEachAgentAndItsFieldsInTheExport() throws Exception {
        Path bots = resource("dataverse/env/dataverse/bots.json");
        Snapshot s = read(bots);
        Agent hr = agent(s, "cr6b1_hrHelpdesk");
        at(hr.location(), bots, 4, 5);
        at(hr.locationOf("authenticationMode"), bots, 10, 29);
        at(hr.locationOf("accessControlPolicy"), bots, 14, 30);
        at(hr.locationOf("authorizedSecurityGroupIds"), bots, 15, 37);
        Agent pilot = agent(s, "cr6b1_pilotAgent");
        at(pilot.location(), bots, 84, 5);
        assertTrue(s.conflicts().isEmpty(), s.conflicts().toString());
    }

    @Test
    void splitsTheCommaListOfGroupsAndTrimsSpaces() throws Exception {
        Snapshot s = read(resource("dataverse/env/dataverse/bots.json"));
        assertEquals(List.of(HR_GROUPS_1, HR_GROUPS_2, HR_GROUPS_3), agent(s, "cr6b1_hrHelpdesk").authorizedGroupIds());
        assertNull(agent(s, "cr6b1_faqBot").authorizedGroupIds(), "null in the export: no groups");
        assertNull(agent(s, "cr6b1_salesCoach").authorizedGroupIds());
    }

    @Test
    void readsChannelsFromTheConfigurationString() throws Exception {
        Path bots = resource("dataverse/env/dataverse/bots.json");
        Snapshot s = read(bots);
        List<AgentChannel> hr = channels(s, "cr6b1_hrHelpdesk");
        assertEquals(List.of("MsTeams", "Microsoft365Copilot"), hr.stream().map(AgentChannel::channelId).toList());
        for (AgentChannel c : hr) at(c.location(), bots, 16, 24);
        assertEquals(List.of("Directline", "PowerPages"),
                channels(s, "cr6b1_partnerPortal").stream().map(AgentChannel::channelId).toList());
        at(channels(s, "cr6b1_partnerPortal").get(1).location(), bots, 48, 24);
        assertEquals(List.of(), channels(s, "cr6b1_faqBot"), "configuration: null");
        assertEquals(List.of(), channels(s, "cr6b1_legacyExpenses"), "channels: []");
        assertEquals(List.of("MsTeams"), channels(s, "cr6b1_pilotAgent").stream().map(AgentChannel::channelId).toList());
        assertEquals(6, s.channels().size());
    }

    @Test
    void outOfRangePicklistValueIsAnUnknownValueNotACrash() throws Exception {
        Path bots = resource("dataverse/env/dataverse/bots.json");
        Snapshot s = read(bots);
        Agent pilot = agent(s, "cr6b1_pilotAgent");
        assertEquals(AuthenticationMode.UNKNOWN, pilot.authenticationMode());
        assertEquals(AuthenticationTrigger.ALWAYS, pilot.authenticationTrigger());
        assertEquals(1, s.unknownValues().size(), s.unknownValues().toString());
        UnknownValue u = s.unknownValues().get(0);
        assertEquals(EntityRef.agent("cr6b1_pilotAgent"), u.entity());
        assertEquals("authenticationMode", u.field());
        assertEquals("9", u.value());
        at(u.location(), bots, 89, 29);
    }

    @Test
    void workspaceAndExportAreOneAgentLocatedAtTheWorkspace() throws Exception {
        Path env = resource("dataverse/env");
        Path settings = resource("dataverse/env/agents/hr-helpdesk/settings.mcs.yml");
        Path bots = resource("dataverse/env/dataverse/bots.json");
        Snapshot s = read(env);
        assertEquals(6, s.agents().size(), "one agent per schema name");
        assertEquals(2, s.files().size());
        assertTrue(s.files().stream().anyMatch(f -> f.kind() == InputKind.WORKSPACE));

        Agent hr = agent(s, "cr6b1_hrHelpdesk");
        at(hr.location(), settings, 1, 1);
        assertEquals("HR Helpdesk", hr.displayName());
        // the workspace wins on the conflicting field
        assertEquals(AuthenticationMode.INTEGRATED, hr.authenticationMode());
        at(hr.locationOf("authenticationMode"), settings, 4, 1);
        // label in the workspace, integer in Dataverse: the same value
        assertEquals(AuthenticationTrigger.ALWAYS, hr.authenticationTrigger());
        assertEquals(AccessControlPolicy.GROUP_MEMBERSHIP, hr.accessControlPolicy());
        at(hr.locationOf("accessControlPolicy"), settings, 3, 1);
        // only Dataverse gives the groups: read from there
        assertEquals(List.of(HR_GROUPS_1, HR_GROUPS_2, HR_GROUPS_3), hr.authorizedGroupIds());
        at(hr.locationOf("authorizedSecurityGroupIds"), bots, 15, 37);
        // the workspace's channels, at their own lines, not twice
        List<AgentChannel> channels = channels(s, "cr6b1_hrHelpdesk");
        assertEquals(List.of("MsTeams", "Microsoft365Copilot"), channels.stream().map(AgentChannel::channelId).toList());
        at(channels.get(0).location(), settings, 8, 7);
        at(channels.get(1).location(), settings, 9, 7);
    }

    @Test
    void conflictingModeIsListedButLabelVersusIntegerIsNot() throws Exception {
        Snapshot s = read(resource("dataverse/env"));
        Path settings = resource("dataverse/env/agents/hr-helpdesk/settings.mcs.yml");
        assertEquals(1, s.conflicts().size(), s.conflicts().toString());
        String conflict = s.conflicts().get(0);
        assertEquals("cr6b1_hrHelpdesk: authenticationMode differs between sources: Integrated in "
                + "agents/hr-helpdesk/settings.mcs.yml:4; 3 (CustomAzureActiveDirectory) in dataverse/bots.json:10; "
                + "judged on Integrated. Make the sources agree (re-clone the workspace or re-export the solution after "
                + "publishing).", conflict);
        var fact = s.sourceConflicts().get(0);
        assertEquals("authenticationMode", fact.field());
        at(fact.location(), settings, 4, 1);
        assertTrue(s.conflicts().stream().noneMatch(c -> c.contains("authenticationTrigger")
                || c.contains("accessControlPolicy") || c.contains("displayName")), s.conflicts().toString());
        assertEquals(1, s.unknownValues().size(), "the pilot agent's 9, still");
    }

    @Test
    void twoDifferentUnknownValuesAreAConflict(@TempDir Path dir) throws Exception {
        Path ws = dir.resolve("agents/pilot/settings.mcs.yml");
        Files.createDirectories(ws.getParent());
        Files.writeString(ws, "displayName: Pilot Agent\nschemaName: cr6b1_pilotAgent\nauthenticationMode: Entra\n");
        Path bots = dir.resolve("dataverse/bots.json");
        Files.createDirectories(bots.getParent());
        Files.writeString(bots, "{\"value\": [{\"schemaname\": \"cr6b1_pilotAgent\", \"name\": \"Pilot Agent\", "
                + "\"authenticationmode\": 9}]}");
        Snapshot s = read(dir);
        assertEquals(AuthenticationMode.UNKNOWN, agent(s, "cr6b1_pilotAgent").authenticationMode());
        assertEquals(1, s.conflicts().size(), s.conflicts().toString());
        assertTrue(s.conflicts().get(0).contains("Entra") && s.conflicts().get(0).contains("; 9 in dataverse/bots.json:1"), s.conflicts().get(0));
    }
}
