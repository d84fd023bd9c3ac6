package io.trailcheck.engine.input.nativeformat;

import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.problem.InputException;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.model.AccessControlPolicy;
import io.trailcheck.model.Agent;
import io.trailcheck.model.AgentChannel;
import io.trailcheck.model.AuthenticationMode;
import io.trailcheck.model.AuthenticationTrigger;
import io.trailcheck.model.Telemetry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

import static io.trailcheck.engine.TestSnapshots.read;
import static io.trailcheck.engine.TestSnapshots.resource;
import static io.trailcheck.engine.TestSnapshots.mailbox;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native snapshot: every section, as YAML ({@code contoso.trailcheck.yaml}) and as the same content in
 * JSON ({@code x.trailcheck.json}); schema violations located and reported together.
 */
class NativeSnapshotReaderTest {
    private static final String TENANT = "80631785-edf2-4073-9e8e-26105089f724";
    private static final String ADELE = "631df11b-e2b0-48ef-a039-b6d33cb8079c";
    private static final String MEGAN = "81731766-83aa-424c-ab3a-80a9a2d02d91";
    private static final String JOHANNA = "b112a399-ab71-490f-b7a6-2376644533dc";
    private static final String HR_GROUP = "36e15d6a-35df-4e5a-82b0-a0631dc3b3f5";
    private static final String STORE_GROUP = "f9f6b9d4-3f76-4542-97cc-755368c4afd2";

    private static Path yaml() throws Exception {
        return resource("native/yaml/contoso.trailcheck.yaml");
    }

    private static Path json() throws Exception {
        return resource("native/json/x.trailcheck.json");
    }

    private static Agent agent(Snapshot s, String schema) {
        return s.agents().stream().filter(a -> a.schemaName().equals(schema)).findFirst().orElseThrow();
    }

    private static Path file(String which) throws Exception {
        return which.equals("yaml") ? yaml() : json();
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void readsTenantSettings(String which) throws Exception {
        Snapshot s = read(file(which));
        assertEquals(TENANT, s.tenant().id());
        assertEquals("Contoso Ltd", s.tenant().name());
        assertEquals(Boolean.FALSE, s.tenant().unifiedAuditLogIngestionEnabled());
        assertEquals(365, s.tenant().copilotRetentionDays());
        assertEquals(file(which), s.tenant().ingestionLocation().file());
        assertEquals(6, s.tenant().ingestionLocation().line());
        assertEquals(7, s.tenant().retentionLocation().line());
        assertTrue(s.sections().containsAll(Set.of(InputSection.TELEMETRY, InputSection.INTERACTIONS, InputSection.AUDIT_RETENTION)), s.sections().toString());
        assertEquals(1, s.files().size());
        assertEquals(InputKind.NATIVE, s.files().get(0).kind());
        assertEquals(7, s.files().get(0).records(), "2 SKUs + 3 users + 2 agents");
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void readsSkusAndUsersWithTheirMailboxes(String which) throws Exception {
        Snapshot s = read(file(which));
        assertEquals(Set.of("05e9a617-0261-4cee-bb44-138d3ef5d965", "44575883-256e-4a79-9da4-ebe9acabe2b2"), s.skus().keySet());
        assertTrue(s.skus().get("44575883-256e-4a79-9da4-ebe9acabe2b2").servicePlanIds().contains("113feb6c-3fe4-4440-bddc-54d774bf0318"), "keeps every plan, Exchange Foundation among them");
        UserDirectory users = s.users().orElseThrow();
        assertEquals(3, users.size());
        assertEquals(MailboxStatus.PRESENT, mailbox(s, ADELE));
        assertEquals(MailboxStatus.NO_EXCHANGE_PLAN, mailbox(s, MEGAN));
        assertTrue(users.isGuest(users.indexOf(MEGAN)));
        assertEquals(MailboxStatus.FOUNDATION_ONLY, mailbox(s, JOHANNA));
        assertFalse(users.isEnabled(users.indexOf(JOHANNA)));
        assertEquals(which.equals("yaml") ? 36 : 53, users.location(users.indexOf(ADELE)).line());
        assertTrue(s.unresolved().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void groupMembersResolveUsersListedLaterInTheSameFile(String which) throws Exception {
        Snapshot s = read(file(which));
        UserDirectory users = s.users().orElseThrow();
        assertEquals(2, s.groups().size());
        assertTrue(s.groups().hasMembership(HR_GROUP));
        assertTrue(s.groups().hasMembership(STORE_GROUP));
        BitSet hr = new BitSet();
        hr.set(users.indexOf(ADELE));
        hr.set(users.indexOf(MEGAN));
        assertEquals(hr, s.groups().usersOf(List.of(HR_GROUP)));
        BitSet store = new BitSet();
        store.set(users.indexOf(JOHANNA));
        assertEquals(store, s.groups().usersOf(List.of(STORE_GROUP)));
        assertEquals(3, s.groups().usersOf(List.of(HR_GROUP, STORE_GROUP)).cardinality());
        assertEquals(which.equals("yaml") ? 25 : 36, s.groups().get(HR_GROUP).location().line());
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void readsAgentsWithChannelsAsStringsAndObjects(String which) throws Exception {
        Path f = file(which);
        boolean yaml = which.equals("yaml");
        Snapshot s = read(f);
        assertEquals(List.of("cr6b1_faqBot", "cr6b1_hrHelpdesk"), s.agents().stream().map(Agent::schemaName).toList());
        Agent hr = agent(s, "cr6b1_hrHelpdesk");
        assertEquals("HR Helpdesk", hr.displayName());
        assertEquals(AuthenticationMode.INTEGRATED, hr.authenticationMode());
        assertEquals(AuthenticationTrigger.ALWAYS, hr.authenticationTrigger());
        assertEquals(AccessControlPolicy.GROUP_MEMBERSHIP, hr.accessControlPolicy());
        assertEquals(List.of(HR_GROUP, STORE_GROUP), hr.authorizedGroupIds());
        assertEquals(f, hr.location().file());
        assertEquals(yaml ? 60 : 92, hr.location().line());
        assertEquals(yaml ? 62 : 95, hr.locationOf("authenticationMode").line());
        Agent faq = agent(s, "cr6b1_faqBot");
        assertEquals(AuthenticationMode.NONE, faq.authenticationMode(), "integer 1 in the native format");
        assertEquals(AuthenticationTrigger.AS_NEEDED, faq.authenticationTrigger());
        assertEquals(AccessControlPolicy.ANY, faq.accessControlPolicy());
        assertNull(faq.authorizedGroupIds());

        List<AgentChannel> channels = s.channels();
        assertEquals(List.of("cr6b1_hrHelpdesk:MsTeams", "cr6b1_hrHelpdesk:Microsoft365Copilot", "cr6b1_faqBot:webchat",
                "cr6b1_faqBot:Directline"), channels.stream().map(c -> c.agent() + ":" + c.channelId()).toList());
        List<Integer> lines = yaml ? List.of(69, 70, 77, 78) : List.of(103, 104, 116, 119);
        assertEquals(lines, channels.stream().map(c -> c.location().line()).toList());
        assertTrue(s.unknownValues().isEmpty());
        assertTrue(s.conflicts().isEmpty());
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void readsTelemetryFlagsPerAgent(String which) throws Exception {
        Snapshot s = read(file(which));
        assertEquals(2, s.telemetry().size());
        Telemetry hr = s.telemetry().stream().filter(t -> t.agent().equals("cr6b1_hrHelpdesk")).findFirst().orElseThrow();
        assertTrue(hr.connectionStringSet());
        assertTrue(hr.logActivities());
        assertFalse(hr.logSensitiveProperties());
        assertTrue(hr.logNodeActions());
        assertTrue(hr.isCompensating());
        Telemetry faq = s.telemetry().stream().filter(t -> t.agent().equals("cr6b1_faqBot")).findFirst().orElseThrow();
        assertTrue(faq.connectionStringSet());
        assertFalse(faq.logActivities());
        assertFalse(faq.logSensitiveProperties(), "absent flag is off");
        assertFalse(faq.logNodeActions());
        assertFalse(faq.isCompensating());
        assertEquals(which.equals("yaml") ? List.of(82, 87) : List.of(124, 130),
                s.telemetry().stream().map(t -> t.location().line()).toList());
    }

    @ParameterizedTest
    @CsvSource({"yaml", "json"})
    void readsObservedInteractions(String which) throws Exception {
        Snapshot s = read(file(which));
        List<ObservedInteraction> seen = s.interactions();
        assertEquals(3, seen.size());
        assertEquals(List.of("cr6b1_hrHelpdesk", "cr6b1_faqBot", "cr6b1_hrHelpdesk"),
                seen.stream().map(ObservedInteraction::agent).toList());
        assertEquals(List.of("MsTeams", "webchat", "Microsoft365Copilot"),
                seen.stream().map(ObservedInteraction::channel).toList());
        assertEquals(ADELE, seen.get(0).user());
        assertFalse(seen.get(0).isAnonymous());
        assertTrue(seen.get(1).isAnonymous());
        assertEquals(MEGAN, seen.get(2).user());
        assertEquals(which.equals("yaml") ? List.of(91, 95, 99) : List.of(136, 142, 148),
                seen.stream().map(i -> i.location().line()).toList());
    }

    @Test
    void yamlAndJsonFormsReadTheSame() throws Exception {
        Snapshot y = read(yaml());
        Snapshot j = read(json());
        assertEquals(strip(y.agents()), strip(j.agents()));
        assertEquals(y.channels().stream().map(c -> c.agent() + c.channelId()).toList(),
                j.channels().stream().map(c -> c.agent() + c.channelId()).toList());
        assertEquals(y.tenant().copilotRetentionDays(), j.tenant().copilotRetentionDays());
        assertEquals(y.users().orElseThrow().size(), j.users().orElseThrow().size());
    }

    private static List<String> strip(List<Agent> agents) {
        return agents.stream().map(a -> String.join("|", a.schemaName(), a.displayName(), a.authenticationMode().name(),
                a.authenticationTrigger().name(), a.accessControlPolicy().name(), String.valueOf(a.authorizedGroupIds()))).toList();
    }

    private static InputException brokenSnapshots() throws Exception {
        return assertThrows(InputException.class, () -> read(resource("native/invalid")));
    }

    @Test
    void schemaViolationsAreAllReportedAtOnceWithTheirLines() throws Exception {
        InputException e = brokenSnapshots();
        Path yaml = resource("native/invalid/broken.trailcheck.yaml");
        Path json = resource("native/invalid/broken.trailcheck.json");
        List<Problem> problems = e.problems();
        assertEquals(6, problems.size(), problems.toString());
        // JSON file first (problems are sorted by file, then line)
        assertProblem(problems.get(0), json, 4, "tenant.copilotAuditRetentionDays", "integer");
        assertProblem(problems.get(1), json, 10, "agents.0.channels", "array");
        assertProblem(problems.get(2), yaml, 5, "tenant.unifiedAuditLogIngestionEnabled", "boolean");
        // unknown key: see unknownKeyIsReportedAtItsOwnLine for the line
        assertEquals(yaml, problems.get(3).file());
        assertTrue(problems.get(3).message().contains("'authMode'"), problems.get(3).message());
        assertProblem(problems.get(4), yaml, 15, "agents.1", "required property 'schemaName'");
        assertProblem(problems.get(5), yaml, 23, "telemetry.cr6b1_hrHelpdesk.logActivities", "boolean");
        assertEquals(5, problems.get(2).line());
        assertEquals(36, problems.get(2).column());
    }

    @Test
    void unknownKeyIsReportedAtItsOwnLine() throws Exception {
        Problem unknown = brokenSnapshots().problems().stream().filter(p -> p.message().contains("authMode"))
                .findFirst().orElseThrow();
        assertEquals(12, unknown.line(), unknown.render());
        assertEquals(5, unknown.column(), unknown.render());
    }

    private static void assertProblem(Problem p, Path file, int line, String pointer, String what) {
        assertEquals(file, p.file(), p.render());
        assertEquals(line, p.line(), p.render());
        assertTrue(p.message().startsWith(pointer + ": "), p.render());
        assertTrue(p.message().contains(what), p.render());
    }
}
