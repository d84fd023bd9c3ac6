package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.engine.TestPolicies;
import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.UnresolvedReference;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.trailcheck.engine.TestSnapshots.mailbox;
import static io.trailcheck.engine.TestSnapshots.read;
import static io.trailcheck.engine.TestSnapshots.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph {@code GET /v1.0/users} exports as people save them: one page with {@code @odata.nextLink}, an array
 * of pages, a BOM-prefixed PowerShell file; nulls, extra properties and odd letter case; every mailbox outcome.
 */
class GraphUsersReaderTest {

    static final String ADELE = "631df11b-e2b0-48ef-a039-b6d33cb8079c";     // E3, exchange Enabled, + Copilot add-on
    static final String GRADY = "e3382ace-84bb-4a1d-905f-24e7473f4989";     // E3, exchange plan in Warning (grace)
    static final String MEGAN = "81731766-83aa-424c-ab3a-80a9a2d02d91";     // "GUEST", no licences
    static final String LEE = "68055ff6-e3fa-43dd-bd7a-72b8cad0af5d";       // userType null, assignedPlans null, ActiveWithError
    static final String ISAIAH = "f9b98c55-8bcc-4c5b-b473-6252b9c50485";    // EXCHANGE_S_ENTERPRISE in disabledPlans
    static final String JOHANNA = "b112a399-ab71-490f-b7a6-2376644533dc";   // M365 Apps: Exchange Foundation only
    static final String LIDIA = "fb1adb03-ad95-477a-9694-7b7faf294397";     // capabilityStatus "enabled"
    static final String NESTOR = "095153e2-08e7-4d30-91c8-dad8eeb70f23";    // licence state "ERROR"
    static final String PRADEEP = "81c6a810-2dcd-44fe-949d-ad7528a0c830";   // exchange plan Suspended
    static final String SVC = "655573e9-1e5e-41f0-92f5-c7f4c91bb6c8";       // no licence fields at all
    static final String ALEX = "b0eda180-fb21-461f-afa2-85b55cd28b2c";      // BOM file, accountEnabled false
    static final String DIEGO = "a5caf425-d609-43c9-8c66-954186f06a58";     // BOM file, M365 Apps, no assignedPlans
    static final String COPILOT_SKU = "639dec6b-bb19-468b-871c-c5c441c4b0cb";

    private static UserDirectory users(Snapshot s) {
        assertTrue(s.users().isPresent(), "users export read");
        return s.users().get();
    }

    private static int index(UserDirectory users, String id) {
        int i = users.indexOf(id);
        assertTrue(i >= 0, "user " + id + " read");
        return i;
    }

    @Test
    void readsEveryPageOfEveryFile() throws Exception {
        Snapshot s = read(resource("users/export"));
        UserDirectory users = users(s);
        assertEquals(12, users.size());
        Map<String, Integer> records = new java.util.HashMap<>();
        for (InputFile f : s.files()) records.put(f.file().getFileName().toString(), f.records());
        assertEquals(Map.of("subscribedSkus.json", 3, "users-1.json", 4, "users-2.json", 6, "users-3.json", 2), records);
        assertEquals(InputKind.GRAPH_USERS, s.files().stream()
                .filter(f -> f.file().getFileName().toString().equals("users-2.json")).findFirst().orElseThrow().kind());
        // Reading order is users-1, users-2 (both pages), users-3: indexes follow it.
        List<String> order = List.of(ADELE, GRADY, MEGAN, LEE, ISAIAH, JOHANNA, LIDIA, NESTOR, PRADEEP, SVC, ALEX, DIEGO);
        for (int i = 0; i < order.size(); i++) assertEquals(i, users.indexOf(order.get(i)), order.get(i));
        assertEquals("AdeleV@contoso.com", users.principalName(index(users, ADELE)));
        assertEquals(-1, users.indexOf("00000000-0000-0000-0000-000000000000"));
    }

    @Test
    void idsMatchInAnyLetterCase() throws Exception {
        UserDirectory users = users(read(resource("users/export")));
        assertEquals(users.indexOf(ADELE), users.indexOf(ADELE.toUpperCase(java.util.Locale.ROOT)));
    }

    @Test
    void locatesEachUserObjectInItsOwnFile() throws Exception {
        UserDirectory users = users(read(resource("users/export")));
        var adele = users.location(index(users, ADELE));
        assertTrue(adele.file().endsWith("users-1.json"));
        assertEquals(5, adele.line());
        assertEquals(5, adele.column());
        var lee = users.location(index(users, LEE));
        assertEquals(62, lee.line());
        // second page of the array in users-2.json
        var nestor = users.location(index(users, NESTOR));
        assertTrue(nestor.file().endsWith("users-2.json"));
        assertEquals(62, nestor.line());
        assertEquals(7, nestor.column());
        var svc = users.location(index(users, SVC));
        assertEquals(93, svc.line());
        assertTrue(users.firstFile().file().endsWith("users-1.json"));
    }

    @Test
    void readsTheByteOrderMarkFileFromWindowsPowerShell() throws Exception {
        Path bom = resource("users/export/users-3.json");
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(bom), 3);
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(head[0], head[1], head[2]), "fixture keeps its BOM");
        Snapshot s = read(resource("users/export"));
        UserDirectory users = users(s);
        int alex = index(users, ALEX);
        assertFalse(users.isEnabled(alex));
        assertFalse(users.isGuest(alex));
        assertEquals(MailboxStatus.PRESENT, mailbox(s, ALEX));
        assertEquals(2, users.location(alex).line());
        assertTrue(users.location(alex).file().endsWith("users-3.json"));
        assertEquals(MailboxStatus.FOUNDATION_ONLY, mailbox(s, DIEGO), "foundation from the SKU's plans");
    }

    @Test
    void readsAFileWithAByteOrderMarkOnItsOwn() throws Exception {
        Snapshot s = read(resource("users/export/users-3.json"));
        UserDirectory users = users(s);
        assertEquals(2, users.size());
        // no subscribedSkus read: licences alone cannot tell, assignedPlans can
        assertEquals(MailboxStatus.PRESENT, mailbox(s, ALEX));
        assertEquals(MailboxStatus.UNKNOWN, mailbox(s, DIEGO));
    }

    @Test
    void guestAndMemberInAnyLetterCaseAndNullUserType() throws Exception {
        UserDirectory users = users(read(resource("users/export")));
        assertTrue(users.isGuest(index(users, MEGAN)), "\"GUEST\" is a guest");
        assertFalse(users.isGuest(index(users, LIDIA)), "\"member\" is a member");
        assertFalse(users.isGuest(index(users, LEE)), "userType null is not a guest");
        assertTrue(users.isEnabled(index(users, LEE)));
        assertTrue(users.isEnabled(index(users, SVC)));
    }

    @Test
    void derivesEveryMailboxOutcome() throws Exception {
        Snapshot s = read(resource("users/export"));
        Map<String, MailboxStatus> expected = new java.util.LinkedHashMap<>();
        expected.put(ADELE, MailboxStatus.PRESENT);
        expected.put(GRADY, MailboxStatus.PRESENT);              // assignedPlans Warning still has a mailbox
        expected.put(MEGAN, MailboxStatus.NO_EXCHANGE_PLAN);
        expected.put(LEE, MailboxStatus.PRESENT);                // ActiveWithError licence still has a mailbox
        expected.put(ISAIAH, MailboxStatus.PLAN_DISABLED);
        expected.put(JOHANNA, MailboxStatus.FOUNDATION_ONLY);
        expected.put(LIDIA, MailboxStatus.PRESENT);              // "enabled" in lower case
        expected.put(NESTOR, MailboxStatus.LICENSE_ERROR);       // state "ERROR" in upper case
        expected.put(PRADEEP, MailboxStatus.PLAN_SUSPENDED);
        expected.put(SVC, MailboxStatus.UNKNOWN);                // no licence fields exported at all
        expected.put(ALEX, MailboxStatus.PRESENT);
        expected.put(DIEGO, MailboxStatus.FOUNDATION_ONLY);
        Map<String, MailboxStatus> actual = new java.util.LinkedHashMap<>();
        for (String id : expected.keySet()) actual.put(id, mailbox(s, id));
        assertEquals(expected, actual);
        assertEquals("license-error", mailbox(s, NESTOR).reason());
    }

    @Test
    void licenceMissingFromSubscribedSkusIsUnresolvedAtItsFirstHolder() throws Exception {
        Snapshot s = read(resource("users/export"));
        assertEquals(1, s.unresolved().size(), s.unresolved().toString());
        UnresolvedReference ref = s.unresolved().get(0);
        assertEquals("sku", ref.kind());
        assertEquals(COPILOT_SKU, ref.key());
        assertNotNull(ref.location());
        assertTrue(ref.location().file().endsWith("users-1.json"));
        assertEquals(5, ref.location().line());
        assertEquals(3, s.skus().size());
        assertEquals("SPE_E3", s.skus().get("05e9a617-0261-4cee-bb44-138d3ef5d965").partNumber());
    }

    @Test
    void duplicateUserAcrossFilesNamesTheSecondFileAndLine() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read(resource("users/duplicate")));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals(resource("users/duplicate/users-2.json"), p.file());
        assertEquals(6, p.line());
        assertEquals(5, p.column());
        assertTrue(p.message().contains("duplicate user id " + GRADY), p.message());
        assertTrue(p.render().startsWith(resource("users/duplicate/users-2.json") + ":6:5: "), p.render());
    }

    @Test
    void wrongTypeIsReportedWhereItIs() throws Exception {
        InputException e = assertThrows(InputException.class, () -> read(resource("users/wrong-type")));
        assertEquals(1, e.problems().size(), e.problems().toString());
        Problem p = e.problems().get(0);
        assertEquals(resource("users/wrong-type/users.json"), p.file());
        assertEquals(14, p.line());
        assertEquals(25, p.column());
        assertEquals("\"accountEnabled\": expected true or false, found the string \"maybe\"", p.message());
    }
}
