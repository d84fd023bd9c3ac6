package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.trailcheck.engine.input.observations.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every audit export format, on files shaped like Microsoft's own. */
class AuditExportReadersTest {

    @Test
    void purviewCsvCurrentLayoutWithBomDoubledQuotesAndTrailingSpaces() {
        Audit a = cleanAudit("purview-current.csv");
        assertEquals(2, a.records().size());
        AuditRecord megan = a.records().get(0);
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), megan.time());
        assertEquals("MeganB@contoso.com", megan.userId());
        assertEquals(MEGAN, megan.userKey());
        assertEquals("cr6b1_hrHelper", megan.agentSchemaName());
        assertEquals("Copilot Studio", megan.appHost());
        assertEquals("19:thread-1", megan.threadId());
        assertEquals("3f1c7a52-9d8e-4b21-a6f0-1e2d3c4b5a69", megan.id());
        assertEquals(AuditFormat.PURVIEW_CSV, megan.format());
        assertEquals(2, megan.location().line(), "the row's line, after the header");
        assertEquals(4, a.records().get(1).location().line(), "the SharePoint row is line 3");
        assertEquals("cr6b1_itHelpdesk", a.records().get(1).agentSchemaName());
        // the SharePoint row (a quoted comma and doubled quotes inside its JSON) is counted, not passed on
        assertEquals(Map.of("CopilotInteraction", 2L, "FileAccessed", 1L), a.inventory().byOperation());
        assertEquals(3, a.inventory().read());
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), a.inventory().span().min());
        assertEquals(Instant.parse("2026-11-03T08:01:30Z"), a.inventory().span().max());
        assertEquals(AuditFormat.PURVIEW_CSV.description(), a.inventory().format());
    }

    @Test
    void purviewCsvOlderLayoutWithUsLocaleDates() {
        Audit a = cleanAudit("purview-classic.csv");
        assertEquals(1, a.records().size());
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), a.records().get(0).time());
        assertEquals(Map.of("CopilotInteraction", 1L, "UserLoggedIn", 1L), a.inventory().byOperation());
        assertEquals(Instant.parse("2026-11-02T16:05:00Z"), a.inventory().span().max());
    }

    @Test
    void malformedRowsAreLocatedAndTheRestIsStillRead() {
        Audit a = audit(file("purview-malformed.csv"));
        List<Problem> ps = a.problems().list();
        assertEquals(4, ps.size(), ps.toString());
        assertEquals(2, ps.get(0).line());
        assertTrue(ps.get(0).message().contains("unrecognised time \"yesterday\""), ps.get(0).message());
        assertEquals(3, ps.get(1).line());
        assertTrue(ps.get(1).message().startsWith("AuditData (at 1:"), ps.get(1).message());
        assertTrue(ps.get(1).message().contains("malformed JSON"), ps.get(1).message());
        assertTrue(ps.get(1).column() > 1, "located at the AuditData cell: " + ps.get(1));
        assertEquals(4, ps.get(2).line());
        assertTrue(ps.get(2).message().startsWith("malformed CSV: Too many entries"), ps.get(2).message());
        assertEquals(6, ps.get(3).line());
        assertTrue(ps.get(3).message().startsWith("malformed CSV: Not enough column values"), ps.get(3).message());
        // rows 5 and 7 are whole: read, and nothing half-read is passed on
        assertEquals(List.of(5, 7), a.records().stream().map(r -> r.location().line()).toList());
    }

    @Test
    void csvWithoutAuditColumnsIsNotAnAuditExport(@TempDir Path dir) throws IOException {
        Path other = Files.writeString(dir.resolve("costs.csv"), "Date,Cost\n2026-11-01,3\n");
        Path audit = Files.writeString(dir.resolve("anything.CSV"), "\uFEFF\"CreationDate\",\"UserIds\",\"Operations\",\"AuditData\"\n",
                StandardCharsets.UTF_8);
        assertFalse(PurviewAuditCsvReader.isAuditExport(other));
        assertTrue(PurviewAuditCsvReader.isAuditExport(audit));
        assertTrue(PurviewAuditCsvReader.isAuditExport(file("purview-current.csv")));
        assertEquals(java.util.Optional.of(ObservationKind.AUDIT_CSV), ObservationKind.recognise(audit));
        assertEquals(java.util.Optional.empty(), ObservationKind.recognise(other));
        assertEquals(java.util.Optional.of(ObservationKind.AUDIT_RECORDS), ObservationKind.recognise(dir.resolve("AuditRecords-2.json")));
        assertEquals(java.util.Optional.of(ObservationKind.APP_INSIGHTS), ObservationKind.recognise(dir.resolve("appInsights.json")));
        assertEquals(java.util.Optional.of(ObservationKind.CONVERSATION_TRANSCRIPTS),
                ObservationKind.recognise(dir.resolve("conversationtranscripts-1.json")));
        Audit a = audit(other);
        assertEquals(1, a.problems().size());
        assertTrue(a.problems().list().get(0).message().contains("needs AuditData and CreationDate"));
    }

    @Test
    void searchUnifiedAuditLogWithAuditDataAsTextAndWindowsPowerShellDates() {
        Audit a = cleanAudit("auditRecords-sual.json");
        assertEquals(2, a.records().size());
        AuditRecord first = a.records().get(0);
        assertEquals(AuditFormat.SEARCH_UNIFIED_AUDIT_LOG, first.format());
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), first.time(), "\\/Date(ms)\\/ of CreationDate");
        assertEquals("5a5a5a5a-0000-4000-8000-000000000001", first.id());
        assertEquals("cr6b1_hrHelper", first.agentSchemaName());
        AuditRecord avery = a.records().get(1);
        assertEquals("CopilotInteraction", avery.recordType(), "RecordType 261 by name");
        assertEquals(AVERY, avery.userKey());
        assertEquals("avery.howard_fabrikam.com#EXT#@contoso.onmicrosoft.com", avery.userId());
        assertEquals(Map.of("CopilotInteraction", 2L, "Set-Mailbox", 1L), a.inventory().byOperation());
        assertEquals(Instant.parse("2026-11-02T09:14:05Z"), a.inventory().span().min());
        assertEquals(Instant.parse("2026-11-04T08:30:10Z"), a.inventory().span().max(), "the Set-Mailbox record is earlier");
    }

    @Test
    void graphAuditQueryPagesWithAuditDataAsAnObject() {
        Audit a = cleanAudit("auditRecords-graph.json");
        assertEquals(2, a.records().size());
        AuditRecord megan = a.records().get(0);
        assertEquals(AuditFormat.GRAPH_AUDIT_QUERY, megan.format());
        assertEquals("CopilotInteraction", megan.recordType(), "the enum's camel case, normalised");
        assertEquals("MeganB@contoso.com", megan.userId(), "userPrincipalName");
        assertEquals(MEGAN, megan.userKey(), "userId, an object id");
        AuditRecord adele = a.records().get(1);
        assertNull(adele.agentSchemaName(), "no AppIdentity");
        assertEquals("85d0bc7a-39ed-49e7-9c38-c8027a569e88", adele.botId(), "from PlatformAgentId");
        assertEquals("IT Helpdesk", adele.agentName());
        assertEquals("85d0bc7a-39ed-49e7-9c38-c8027a569e88", ObservationKeys.agent(adele));
        assertEquals(Map.of("CopilotInteraction", 2L, "FileModified", 1L), a.inventory().byOperation());
    }

    @Test
    void managementActivityApiBlobOfAuditDataRecords() {
        Audit a = cleanAudit("auditRecords-management.json");
        assertEquals(2, a.records().size());
        assertEquals(AuditFormat.MANAGEMENT_ACTIVITY_API, a.records().get(0).format());
        assertEquals(Instant.parse("2026-11-05T12:00:02Z"), a.records().get(0).time(), "CreationTime without zone is UTC");
        assertEquals("Word", a.records().get(1).appHost());
        assertNull(a.records().get(1).agentSchemaName(), "Copilot in Word: not an agent");
        assertEquals(Map.of("CopilotInteraction", 2L, "UserLoggedIn", 1L), a.inventory().byOperation());
        assertEquals(1, a.records().get(0).location().line());
    }

    @Test
    void emptyPowerShellOutputIsNoRecords(@TempDir Path dir) throws IOException {
        Path empty = Files.write(dir.resolve("auditRecords.json"), new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n'});
        Audit a = audit(empty);
        assertTrue(a.problems().isEmpty());
        assertEquals(0, a.inventory().read());
        assertTrue(a.inventory().span().isEmpty());
    }

    @Test
    void aRecordWithoutATimeIsALocatedError(@TempDir Path dir) throws IOException {
        Path f = Files.writeString(dir.resolve("auditRecords.json"),
                "[\n  {\"Id\": \"x\", \"Operation\": \"CopilotInteraction\", \"RecordType\": 261, \"UserId\": null}\n]\n");
        Audit a = audit(f);
        assertEquals(1, a.problems().size());
        Problem p = a.problems().list().get(0);
        assertEquals(2, p.line());
        assertEquals(3, p.column());
        assertTrue(p.message().contains("no creation time"), p.message());
    }

    @Test
    void aFileOfBadRowsStopsAfterAHundredProblems(@TempDir Path dir) throws IOException {
        StringBuilder sb = new StringBuilder("CreationDate,UserIds,Operations,AuditData\n");
        for (int i = 0; i < 500; i++) sb.append("never,u,CopilotInteraction,{}\n");
        Audit a = audit(Files.writeString(dir.resolve("bad.csv"), sb));
        assertEquals(ReadContext.MAX_PROBLEMS_PER_FILE + 1, a.problems().size());
        assertTrue(a.problems().list().stream().anyMatch(p -> p.message().startsWith("stopped reading after 100")));
    }
}
