package io.trailcheck.engine.input.copilotstudio;

import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.DraftDifference;
import io.trailcheck.model.PublishState;
import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Published versus draft, and agents not live, as the real exports record them. */
class PublishStateTest {
    private static final String BOM = "\uFEFF";
    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text, StandardCharsets.UTF_8);
        return f;
    }

    private Snapshot read() {
        return new SnapshotReader(ParseLimits.DEFAULT).read(List.of(dir));
    }

    private static String bot(String schema, int mode, String sync) {
        return BOM + "<bot schemaname=\"" + schema + "\">\n"
                + "  <authenticationmode>" + mode + "</authenticationmode>\n"
                + "  <authenticationtrigger>1</authenticationtrigger>\n"
                + "  <iscustomizable>0</iscustomizable>\n"
                + "  <language>1033</language>\n"
                + "  <name>Expense Assistant</name>\n"
                + "  <runtimeprovider>0</runtimeprovider>\n"
                + (sync == null ? "" : "  <synchronizationstatus>" + sync + "</synchronizationstatus>\n")
                + "  <template>default-2.1.0</template>\n"
                + "</bot>";
    }

    @Test
    void aCompactPublishStateIsJudgedAtItsColumnAndTheDraftDifferenceKeepsBothValues() throws IOException {
        String sync = "{\"$kind\":\"BotSynchronizationDetails\",\"contentVersion\":2,\"lastFinishedPublishOperation\":"
                + "{\"$kind\":\"PublishResultDetails\",\"operationStart\":\"2025-11-05T18:49:09.5208614Z\",\"status\":\"Succeeded\"},"
                + "\"lastPublishedDetails\":{\"$kind\":\"SuccessfulPublishResultDetails\",\"authenticationMode\":\"Integrated\"},"
                + "\"currentSynchronizationState\":{\"$kind\":\"SynchronizationState\",\"provisioningStatus\":\"Provisioned\","
                + "\"state\":\"Synchronized\",\"channels\":[{\"$kind\":\"SynchronizedChannel\",\"channelName\":\"MsTeams\"}]},"
                + "\"lastSynchronizedOnUtc\":\"2025-11-05T18:49:56.4695637Z\"}";
        Path xml = write("src/bots/cr6b1_expenses/bot.xml", bot("cr6b1_expenses", 1, sync));
        Snapshot s = read();
        Agent a = s.agents().get(0);
        assertEquals(AuthenticationMode.INTEGRATED, a.authenticationMode(), "the published mode is judged");
        assertEquals(PublishState.PUBLISHED, a.publishState());
        SourceLocation mode = a.locationOf("authenticationMode");
        assertEquals(xml, mode.file());
        assertEquals(8, mode.line());
        int column = 3 + "<synchronizationstatus>".length() + sync.indexOf("\"authenticationMode\"");
        assertEquals(column, mode.column());
        assertEquals(List.of(new DraftDifference("cr6b1_expenses", "authenticationMode", "Integrated", "1 (None)",
                SourceLocation.of(xml, 2, 23))), s.draftDifferences(), "at the draft column (StAX: where the tag ends)");
        assertEquals("MsTeams", s.channels().get(0).channelId(), "channels only in the publish state are judged");
        assertEquals(8, s.channels().get(0).location().line());
    }

    @Test
    void aPrettyPrintedPublishStateIsLocatedOnItsOwnLine() throws IOException {
        String sync = "{\n  \"$kind\": \"BotSynchronizationDetails\",\n  \"lastPublishedDetails\": {\n"
                + "    \"$kind\": \"SuccessfulPublishResultDetails\",\n    \"authenticationMode\": \"None\"\n  }\n}";
        write("src/bots/cr6b1_expenses/bot.xml", bot("cr6b1_expenses", 2, sync));
        Snapshot s = read();
        assertEquals(AuthenticationMode.NONE, s.agents().get(0).authenticationMode());
        assertEquals(12, s.agents().get(0).locationOf("authenticationMode").line());
        assertEquals(5, s.agents().get(0).locationOf("authenticationMode").column());
        assertEquals("2 (Integrated)", s.draftDifferences().get(0).draft());
    }

    @Test
    void aBotWhosePublishStateRecordsNoPublishIsADraftAndSaysSo() throws IOException {
        String sync = "{\n  \"$kind\": \"BotSynchronizationDetails\",\n  \"contentVersion\": 2,\n"
                + "  \"currentSynchronizationState\": {\n    \"$kind\": \"SynchronizationState\",\n"
                + "    \"provisioningStatus\": \"Provisioned\",\n    \"state\": \"Synchronized\"\n  },\n"
                + "  \"lastSynchronizedOnUtc\": \"2025-03-13T15:07:43.2179171Z\"\n}";
        write("src/bots/cr6b1_expenses/bot.xml", bot("cr6b1_expenses", 1, sync));
        Agent a = read().agents().get(0);
        assertEquals(PublishState.NEVER_PUBLISHED, a.publishState());
        assertEquals(AuthenticationMode.NONE, a.authenticationMode(), "the draft is all there is");
        assertEquals("Expense Assistant (cr6b1_expenses, draft, never published)", a.title());
    }

    @Test
    void aBotWithoutPublishStateSaysNothingAboutPublishing() throws IOException {
        write("src/bots/cr6b1_expenses/bot.xml", bot("cr6b1_expenses", 2, null));
        Agent a = read().agents().get(0);
        assertEquals(PublishState.UNKNOWN, a.publishState());
        assertEquals("Expense Assistant (cr6b1_expenses)", a.title());
    }

    @Test
    void aMalformedPublishStateIsALocatedProblem() throws IOException {
        Path xml = write("src/bots/cr6b1_expenses/bot.xml", bot("cr6b1_expenses", 2, "{\n  \"lastPublishedDetails\": {\n    oops\n}"));
        InputException e = assertThrows(InputException.class, this::read);
        assertEquals(xml, e.problems().get(0).file());
        assertEquals(10, e.problems().get(0).line());
        assertTrue(e.problems().get(0).message().startsWith("synchronizationstatus: not a JSON document"), e.problems().toString());
    }

    @Test
    void aWorkspaceNamedWithNameAndPublishedOnIsPublishedUnderThatName() throws IOException {
        write("LocalWorkspace/settings.mcs.yml", BOM + "schemaName: cree9_agent\r\ncdsBotId: 00000000-0000-0000-0000-000000000001\r\n"
                + "accessControlPolicy: Any\r\nauthenticationMode: Integrated\r\nauthenticationTrigger: Always\r\n"
                + "publishedOn: 2026-04-14T08:39:43.0000000Z\r\nlanguage: 1033\r\nname: Agent");
        Agent a = read().agents().get(0);
        assertEquals("Agent", a.displayName());
        assertEquals(PublishState.PUBLISHED, a.publishState());
    }

    @Test
    void deletedAndInactiveDataverseBotsAreSetAsideAndNamedInTheInventory() throws IOException {
        Path bots = write("dataverse/bots.json", "{\"@odata.context\":\"https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#bots\",\n"
                + "\"value\":[\n"
                + "{\"schemaname\":\"cr6b1_old\",\"name\":\"Old\",\"authenticationmode\":1,\"statecode\":1,\"statuscode\":2},\n"
                + "{\"schemaname\":\"cr6b1_gone\",\"name\":\"Gone\",\"authenticationmode\":1,\"statecode\":0,\"componentstate\":2},\n"
                + "{\"schemaname\":\"cr6b1_new\",\"name\":\"New\",\"authenticationmode\":2,\"statecode\":0,\"componentstate\":0,\"publishedon\":null},\n"
                + "{\"schemaname\":\"cr6b1_live\",\"name\":\"Live\",\"authenticationmode\":2,\"statecode\":0,\"componentstate\":0,"
                + "\"publishedon\":\"2026-02-11T10:02:33Z\"}]}");
        Snapshot s = read();
        assertEquals(List.of("cr6b1_live", "cr6b1_new"), s.agents().stream().map(Agent::schemaName).toList());
        assertEquals(List.of(new SetAsideAgent("cr6b1_gone", "componentstate 2 (Deleted) in Dataverse", SourceLocation.of(bots, 4, 1)),
                new SetAsideAgent("cr6b1_old", "statecode 1 (Inactive) in Dataverse", SourceLocation.of(bots, 3, 1))), s.notJudged());
        assertEquals(PublishState.NEVER_PUBLISHED, s.agents().get(1).publishState());
        assertEquals(PublishState.PUBLISHED, s.agents().get(0).publishState());
    }
}
