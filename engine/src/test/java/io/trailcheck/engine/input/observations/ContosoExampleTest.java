package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problems;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.trailcheck.engine.input.observations.Reconciliation.Outcome.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The bundled example's audit and telemetry exports, read by every reader and reconciled: each
 * conversation has the outcome examples/contoso/README.md gives it.
 */
class ContosoExampleTest {
    private static final Path EXAMPLE = Path.of("..", "examples", "contoso").toAbsolutePath().normalize();
    /** The example's agents by every name the exports use (bots.json and the workspaces hold these). */
    private static final Map<String, String> AGENTS = Map.of(
            "hr helper", "cr6b1_hrhelper", "b259315c-67db-49ff-b320-96d74bf31749", "cr6b1_hrhelper",
            "it helpdesk", "cr6b1_ithelpdesk", "85d0bc7a-39ed-49e7-9c38-c8027a569e88", "cr6b1_ithelpdesk",
            "sales coach", "cr6b1_salescoach", "contoso public faq", "cr6b1_faqbot", "facilities desk", "cr6b1_facilitiesdesk");

    private static String agent(String key) {
        return key == null ? null : AGENTS.getOrDefault(key, key);
    }

    private static List<Path> files(String folder) throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLE.resolve(folder))) {
            return s.sorted().toList();
        }
    }

    @Test
    void everyOutcomeOnce() throws IOException {
        Problems problems = new Problems();
        AuditIndex.Builder index = AuditIndex.builder(Duration.ofMinutes(15));
        TimeSpan coverage = new TimeSpan();
        Map<String, Long> operations = new java.util.TreeMap<>();
        for (Path f : files("audit")) {
            ObservationInventory inv = f.toString().endsWith(".csv")
                    ? new PurviewAuditCsvReader(ParseLimits.DEFAULT).read(f, r -> index.add(agent(ObservationKeys.agent(r)), ObservationKeys.user(r), r.time()), problems)
                    : new AuditRecordsJsonReader(ParseLimits.DEFAULT).read(f, r -> index.add(agent(ObservationKeys.agent(r)), ObservationKeys.user(r), r.time()), problems);
            coverage.include(inv.span());
            inv.byOperation().forEach((k, v) -> operations.merge(k, v, Long::sum));
        }
        assertTrue(PurviewAuditCsvReader.isAuditExport(EXAMPLE.resolve("audit/AuditLog_2026-11-01_2026-11-06.csv")));
        assertEquals(Map.of("CopilotInteraction", 7L, "FileAccessed", 1L, "MailItemsAccessed", 1L, "Set-Mailbox", 1L, "UserLoggedIn", 3L), operations);
        assertEquals(Instant.parse("2026-11-01T00:05:00Z"), coverage.min());
        assertEquals(Instant.parse("2026-11-06T23:50:00Z"), coverage.max());

        Map<String, Reconciliation.Outcome> outcomes = new LinkedHashMap<>();
        Reconciliation reconciliation = new Reconciliation(index.build(), coverage,
                Reconciliation.retainedFrom(coverage.max(), 180),
                (c, a, u, o) -> outcomes.put(c.conversationId(), o));
        DistinctConversations seen = new DistinctConversations();
        List<ObservedConversation> all = new ArrayList<>();
        for (Path f : files("telemetry")) {
            if (f.getFileName().toString().startsWith("conversationtranscripts")) {
                new ConversationTranscriptsReader(ParseLimits.DEFAULT).read(f, seen, all::add, problems);
            } else {
                new AppInsightsReader(ParseLimits.DEFAULT).read(f, seen, all::add, problems);
            }
        }
        assertTrue(problems.isEmpty(), () -> problems.list().toString());
        all.forEach(c -> reconciliation.accept(c, agent(ObservationKeys.agent(c)), ObservationKeys.user(c)));

        Map<String, Reconciliation.Outcome> expected = new LinkedHashMap<>();
        expected.put("a:1QmV9-megan-hr", RECORDED);        // Megan, HR Helper, Teams: in telemetry and a transcript
        expected.put("a:1Zp3K-lynne-hr", MISSING);         // Lynne: plan-disabled
        expected.put("a:1Rs7T-pradeep-hr", MISSING);       // Pradeep: foundation-only (transcript without metadata)
        expected.put("8Hc2Lk-megan-dl", MISSING);          // Megan on Direct Line: channel-not-logged
        expected.put("9Jd3Mn-anon-dl", NO_USER);           // anonymous Direct Line
        expected.put("a:1Uv4W-nestor-hr", OUTSIDE_RETENTION);
        expected.put("3f9e1c2b-studio", TEST_PANE);
        expected.put("a:1Ab-adele-it", RECORDED);
        expected.put("m365-alex-it", RECORDED);            // the record names the agent by PlatformAgentId only
        expected.put("a:1Cd-diego-it", MISSING);           // has a mailbox: missing although predicted
        expected.put("a:1Ef-isaiah-sc", RECORDED);
        expected.put("a:1Gh-joni-sc", MISSING);            // license-error
        expected.put("m365-karen-sc", MISSING);            // no-exchange-plan
        expected.put("a:1Ij-lee-sc", RECORDED);            // plan-suspended: recorded although not predicted
        expected.put("a:1Kl-avery-sc", MISSING);           // guest
        expected.put("wc-7d41e0", NO_USER);                // Contoso Public FAQ: agent-auth-not-microsoft
        expected.put("a:1Mn-henrietta-fd", NOT_COVERED);   // after the audit export ends
        assertEquals(new java.util.TreeMap<>(expected), new java.util.TreeMap<>(outcomes));
        assertEquals(17, all.size(), "Megan's HR Helper conversation is in two files and counted once");
    }
}
