package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problems;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The observation fixtures, and reading them into lists (fine for a handful of rows). */
final class Fixtures {
    static final String MEGAN = "d01c312a-4e4f-4538-ac5f-7b207b23023d";
    static final String LYNNE = "2849b372-d016-4edd-aca2-006b8e9f9cc7";
    static final String ADELE = "2c9cf1ff-004b-4838-88b5-3f3fa20376bd";
    static final String AVERY = "accb2541-d32e-42d1-b867-9cfd28277737";

    private Fixtures() {}

    static Path file(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/readers/observations/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    record Audit(List<AuditRecord> records, ObservationInventory inventory, Problems problems) {}

    record Conversations(List<ObservedConversation> conversations, ObservationInventory inventory, Problems problems) {}

    static Audit audit(Path file) {
        List<AuditRecord> out = new ArrayList<>();
        Problems problems = new Problems();
        ObservationInventory inv = file.toString().endsWith(".csv")
                ? new PurviewAuditCsvReader(ParseLimits.DEFAULT).read(file, out::add, problems)
                : new AuditRecordsJsonReader(ParseLimits.DEFAULT).read(file, out::add, problems);
        return new Audit(out, inv, problems);
    }

    static Audit cleanAudit(String name) {
        Audit a = audit(file(name));
        assertTrue(a.problems().isEmpty(), () -> a.problems().list().toString());
        return a;
    }

    static Conversations conversations(Path file) {
        List<ObservedConversation> out = new ArrayList<>();
        Problems problems = new Problems();
        DistinctConversations seen = new DistinctConversations();
        ObservationInventory inv = file.getFileName().toString().startsWith("conversationtranscripts")
                ? new ConversationTranscriptsReader(ParseLimits.DEFAULT).read(file, seen, out::add, problems)
                : new AppInsightsReader(ParseLimits.DEFAULT).read(file, seen, out::add, problems);
        return new Conversations(out, inv, problems);
    }

    static Conversations cleanConversations(String name) {
        Conversations c = conversations(file(name));
        assertTrue(c.problems().isEmpty(), () -> c.problems().list().toString());
        return c;
    }
}
