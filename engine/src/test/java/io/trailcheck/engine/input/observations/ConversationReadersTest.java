package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trailcheck.engine.input.observations.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Application Insights telemetry and Dataverse transcripts, on files shaped like the real exports. */
class ConversationReadersTest {

    @Test
    void azAppInsightsQueryTablesGiveOneConversationPerConversationId() {
        Conversations c = cleanConversations("appInsights-query.json");
        assertEquals(3, c.conversations().size(), c.conversations().toString());
        ObservedConversation megan = c.conversations().get(0);
        assertEquals("cr6b1_hrHelper", megan.agent());
        assertEquals(ObservedConversation.AgentKind.NAME, megan.agentKind());
        assertEquals("msteams", megan.channel());
        assertEquals("a:1Xc9-conv-megan", megan.conversationId());
        assertEquals(MEGAN, megan.user());
        assertEquals(Instant.parse("2026-11-02T09:14:02.1234567Z"), megan.time(), "the first user message");
        assertFalse(megan.testPane());
        assertEquals(ConversationFormat.APP_INSIGHTS_QUERY, megan.format());
        assertEquals(44, megan.location().line(), "the row's opening bracket");
        ObservedConversation directLine = c.conversations().get(1);
        assertEquals("directline", directLine.channel());
        assertFalse(directLine.hasUser(), "fromId null: sensitive properties off, or anonymous");
        assertTrue(c.conversations().get(2).testPane(), "designMode True on pva-studio");
        assertEquals(Map.of("BotMessageReceived", 4L, "BotMessageSend", 1L, "TopicStart", 1L), c.inventory().byOperation());
        assertEquals(3, c.inventory().taken());
        assertEquals(Instant.parse("2026-11-04T10:00:00Z"), c.inventory().span().max());
    }

    @Test
    void logAnalyticsExportWithEveryValueAsText() {
        Conversations c = cleanConversations("appInsights-workspace.json");
        assertEquals(2, c.conversations().size());
        ObservedConversation avery = c.conversations().get(0);
        assertEquals("cr6b1_salesCoach", avery.agent());
        assertEquals("m365copilot", avery.channel());
        assertEquals(AVERY, avery.user());
        assertEquals(ConversationFormat.LOG_ANALYTICS_EXPORT, avery.format());
        ObservedConversation faq = c.conversations().get(1);
        assertEquals("webchat", faq.channel());
        assertFalse(faq.hasUser(), "UserId \"\" and no fromId");
        assertEquals(Instant.parse("2026-11-05T12:00:00Z"), faq.time());
        assertEquals(3, c.inventory().read());
    }

    @Test
    void dataverseTranscriptsAcrossPagesWithContentAndMetadataAsText() {
        Conversations c = cleanConversations("conversationtranscripts.json");
        assertEquals(4, c.conversations().size());
        ObservedConversation megan = c.conversations().get(0);
        assertEquals("cr6b1_hrHelper", megan.agent());
        assertEquals(ObservedConversation.AgentKind.SCHEMA_NAME, megan.agentKind(), "metadata BotName");
        assertEquals("msteams", megan.channel());
        assertEquals(MEGAN, megan.user(), "from.aadObjectId of the first user activity");
        assertEquals("a:1Xc9-conv-megan", megan.conversationId());
        assertEquals(Instant.parse("2026-11-02T09:14:00Z"), megan.time());
        ObservedConversation lynne = c.conversations().get(1);
        assertEquals("b259315c-67db-49ff-b320-96d74bf31749", lynne.agent(), "no metadata: the bot lookup");
        assertEquals(ObservedConversation.AgentKind.BOT_ID, lynne.agentKind());
        assertEquals(LYNNE, lynne.user());
        assertTrue(c.conversations().get(2).testPane(), "ConversationInfo isDesignMode");
        assertFalse(c.conversations().get(3).hasUser(), "anonymous Direct Line: no aadObjectId");
        assertEquals("directline", c.conversations().get(3).channel());
        assertEquals(Instant.parse("2026-11-02T09:14:00Z"), c.inventory().span().min());
        assertEquals(Instant.parse("2026-11-04T10:00:00Z"), c.inventory().span().max());
    }

    @Test
    void aConversationInTelemetryAndATranscriptIsObservedOnce() {
        DistinctConversations seen = new DistinctConversations();
        List<ObservedConversation> out = new ArrayList<>();
        Problems problems = new Problems();
        new AppInsightsReader(ParseLimits.DEFAULT).read(file("appInsights-query.json"), seen, out::add, problems);
        new ConversationTranscriptsReader(ParseLimits.DEFAULT).read(file("conversationtranscripts.json"), seen, out::add, problems);
        assertTrue(problems.isEmpty());
        assertEquals(3 + 3, out.size(), "Megan's conversation is in both");
        assertEquals(1, out.stream().filter(o -> "a:1Xc9-conv-megan".equals(o.conversationId())).count());
    }

    @Test
    void aRowWithTooFewCellsAndABadTimestampAreLocated(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("appInsights.json"), """
                {"tables": [{"name": "PrimaryResult",
                  "columns": [{"name": "timestamp", "type": "datetime"}, {"name": "name", "type": "string"}],
                  "rows": [
                    ["2026-11-02T09:14:00Z"],
                    ["last tuesday", "BotMessageReceived"],
                    ["2026-11-02T09:15:00Z", "BotMessageReceived"]
                  ]}]}
                """);
        Conversations c = conversations(f);
        List<Problem> ps = c.problems().list();
        assertEquals(2, ps.size(), ps.toString());
        assertEquals(4, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("1 cells for 2 columns"));
        assertEquals(5, ps.get(1).line());
        assertTrue(ps.get(1).message().contains("unrecognised time \"last tuesday\""));
        assertEquals(1, c.conversations().size(), "the good row still counts");
        assertNull(c.conversations().get(0).conversationId());
    }

    @Test
    void malformedTranscriptContentIsLocatedAtTheField(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("conversationtranscripts.json"), """
                {"value": [
                  {"conversationtranscriptid": "1", "conversationstarttime": "2026-11-02T09:14:00Z",
                   "content": "{\\"activities\\": [ {\\"from\\": }]}"}
                ]}
                """);
        Conversations c = conversations(f);
        List<Problem> ps = c.problems().list();
        assertEquals(1, ps.size(), ps.toString());
        assertEquals(3, ps.get(0).line());
        assertTrue(ps.get(0).message().startsWith("content (at 1:"), ps.get(0).message());
    }
}
