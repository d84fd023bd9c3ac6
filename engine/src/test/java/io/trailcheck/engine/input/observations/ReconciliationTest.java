package io.trailcheck.engine.input.observations;

import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.trailcheck.engine.input.observations.Reconciliation.Outcome.*;
import static org.junit.jupiter.api.Assertions.*;

/** The matcher: same agent and user within the window, retention, coverage, and the per agent × channel tallies. */
class ReconciliationTest {
    private static final Instant T = Instant.parse("2026-11-02T09:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    private static ObservedConversation conversation(String agent, String channel, String user, Instant time) {
        return new ObservedConversation(agent, ObservedConversation.AgentKind.SCHEMA_NAME, channel, null, user, time, false,
                ConversationFormat.APP_INSIGHTS_QUERY, SourceLocation.of(Path.of("appInsights.json"), 1, 1));
    }

    private static TimeSpan span(Instant from, Instant to) {
        TimeSpan s = new TimeSpan();
        s.include(from);
        s.include(to);
        return s;
    }

    @Test
    void aRecordWithinTheWindowMatchesAndOneOutsideItDoesNot() {
        AuditIndex index = AuditIndex.builder(WINDOW).add("cr6b1_hrhelper", "megan", T).build();
        Reconciliation r = new Reconciliation(index, span(T.minus(Duration.ofDays(1)), T.plus(Duration.ofDays(1))), null, null);
        assertEquals(RECORDED, r.accept(conversation("cr6b1_hrHelper", "msteams", "MEGAN", T.plus(Duration.ofMinutes(15)))),
                "agent and user match case-insensitively; exactly the window apart");
        assertEquals(RECORDED, r.accept(conversation("cr6b1_hrHelper", "msteams", "megan", T.minus(Duration.ofMinutes(14)))));
        assertEquals(MISSING, r.accept(conversation("cr6b1_hrHelper", "msteams", "megan", T.plus(Duration.ofMinutes(40)))));
        assertEquals(MISSING, r.accept(conversation("cr6b1_hrHelper", "msteams", "lynne", T)), "another user");
        assertEquals(MISSING, r.accept(conversation("cr6b1_salesCoach", "msteams", "megan", T)), "another agent");
    }

    @Test
    void retentionCoverageTestPaneAndMissingUserAreNotCountedAsMissing() {
        AuditIndex index = AuditIndex.builder(WINDOW).add("a", "u", T).build();
        Instant retainedFrom = T.minus(Duration.ofDays(180));
        Reconciliation r = new Reconciliation(index, span(T.minus(Duration.ofDays(400)), T.plus(Duration.ofDays(1))), retainedFrom, null);
        assertEquals(OUTSIDE_RETENTION, r.accept(conversation("a", "msteams", "u", T.minus(Duration.ofDays(200)))));
        assertEquals(NOT_COVERED, r.accept(conversation("a", "msteams", "u", T.plus(Duration.ofDays(3)))));
        assertEquals(NO_USER, r.accept(conversation("a", "directline", null, T)));
        assertEquals(NO_AGENT, r.accept(conversation(null, "msteams", "u", T)), "telemetry without cloud_RoleInstance");
        ObservedConversation pane = new ObservedConversation("a", ObservedConversation.AgentKind.SCHEMA_NAME, "pva-studio", "c", "u", T,
                true, ConversationFormat.DATAVERSE_TRANSCRIPTS, SourceLocation.of(Path.of("t.json"), 1, 1));
        assertEquals(TEST_PANE, r.accept(pane));
    }

    @Test
    void withoutAnyAuditRecordNothingIsEvaluated() {
        Reconciliation r = new Reconciliation(AuditIndex.builder(WINDOW).build(), new TimeSpan(), null, null);
        assertEquals(NOT_COVERED, r.accept(conversation("a", "msteams", "u", T)));
    }

    @Test
    void talliesPerAgentAndChannelWithTimeRangesAndAListenerPerConversation() {
        AuditIndex.Builder b = AuditIndex.builder(WINDOW);
        b.add("hr", "megan", T).add("hr", "megan", T.plusSeconds(30)).add("hr", "lynne", T.plus(Duration.ofHours(2)));
        AuditIndex index = b.build();
        assertEquals(2, index.size(), "Megan's two records share a bucket");
        List<String> seen = new ArrayList<>();
        Reconciliation r = new Reconciliation(index, span(T, T.plus(Duration.ofHours(3))), null,
                (c, agent, user, o) -> seen.add(user + ":" + o));
        r.accept(conversation("hr", "msteams", "megan", T.plusSeconds(60)));
        r.accept(conversation("hr", "msteams", "lynne", T.plus(Duration.ofHours(2))));
        r.accept(conversation("hr", "msteams", "joni", T.plus(Duration.ofHours(1))));
        r.accept(conversation("hr", "directline", null, T.plus(Duration.ofHours(1))));
        assertEquals(List.of("megan:RECORDED", "lynne:RECORDED", "joni:MISSING", "null:NO_USER"), seen);
        List<ChannelTally> tallies = r.tallies();
        assertEquals(2, tallies.size());
        ChannelTally directLine = tallies.get(0);
        assertEquals("directline", directLine.channel());
        assertEquals(Map.of(NO_USER, 1L), directLine.counts());
        ChannelTally teams = tallies.get(1);
        assertEquals("hr", teams.agent());
        assertEquals(3, teams.observed());
        assertEquals(2, teams.count(RECORDED));
        assertEquals(1, teams.count(MISSING));
        assertEquals(T.plusSeconds(60), teams.observedSpan().min());
        assertEquals(T.plus(Duration.ofHours(2)), teams.observedSpan().max());
        assertEquals(T.plus(Duration.ofHours(2)), teams.recordedSpan().max());
    }

    @Test
    void theIndexStaysCompactWhenItsBufferFillsManyTimes() {
        AuditIndex.Builder b = AuditIndex.builder(WINDOW);
        for (int i = 0; i < 300_000; i++) b.add("agent" + (i % 1000 % 7), "user" + (i % 1000), T.plusSeconds(i % 3600));
        AuditIndex index = b.build();
        // 1000 users, each talking to one of 7 agents, 300 times an hour: 1000 pairs × 16 buckets of 3.75 minutes
        assertEquals(16_000, index.size(), "repeats are dropped");
        assertTrue(index.hasRecordNear("agent3", "user3", T.plusSeconds(3)));
        assertFalse(index.hasRecordNear("agent3", "user4", T), "user4 only talks to agent4");
    }

    @Test
    void defaultKeysUseTheSchemaNameAndTheObjectIdWhereARecordHasThem() {
        AuditRecord r = new AuditRecord("id", "CopilotInteraction", "CopilotInteraction", T, "MeganB@contoso.com",
                "d01c312a-4e4f-4538-ac5f-7b207b23023d", "Copilot Studio",
                "Copilot.Studio.Default-b7a1c6e2-4d1f-4e8a-9c3b-2f6d8e0a1b5c-cr6b1_hrHelper", null, null, null, null,
                AuditFormat.PURVIEW_CSV, SourceLocation.of(Path.of("a.csv"), 2, 1));
        assertEquals("cr6b1_hrhelper", ObservationKeys.agent(r));
        assertEquals("d01c312a-4e4f-4538-ac5f-7b207b23023d", ObservationKeys.user(r));
    }
}
