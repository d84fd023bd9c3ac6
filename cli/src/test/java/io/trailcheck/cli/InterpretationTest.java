package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the interpretation stage decides, seen through the command line on exports in their real shapes:
 * messages rendered once, user exemptions narrowing counts, exemption scopes checked against the rules.
 */
class InterpretationTest {
    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String EXO = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    static final String KIOSK = "5d1f6e2a-7b3c-4c9d-8e0f-a1b2c3d4e5f6";
    static final String ADELE = "c35b05c3-7b93-459b-bc54-46e64324e2c0";
    static final String LEE = "9f4e2d1c-3b5a-4f6e-8d7c-0a1b2c3d4e5f";

    static final java.time.LocalDate AHEAD = java.time.LocalDate.now(java.time.ZoneOffset.UTC).plusDays(90);

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve("snap").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    /** A Graph users page: Adele has Exchange, the kiosk account and Lee have the E3 licence with Exchange disabled. */
    private void tenant(String displayName) throws IOException {
        write("agents/hr/settings.mcs.yml", "displayName: \"" + displayName + "\"\nschemaName: cr6b1_hrHelpdesk\n"
                + "authenticationMode: Integrated\nauthenticationTrigger: Always\naccessControlPolicy: Any\n"
                + "configuration:\n  channels:\n    - channelId: MsTeams\n    - channelId: Directline\n");
        write("graph/subscribedSkus.json", "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#subscribedSkus\",\"value\":[{\"skuId\":\""
                + E3 + "\",\"skuPartNumber\":\"SPE_E3\",\"servicePlans\":[{\"servicePlanId\":\"" + EXO
                + "\",\"servicePlanName\":\"EXCHANGE_S_ENTERPRISE\",\"provisioningStatus\":\"Success\",\"appliesTo\":\"User\"}]}]}");
        write("graph/users-1.json", "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users\",\"value\":["
                + user(ADELE, "adele@contoso.com", "[]") + "," + user(KIOSK, "kiosk-lobby@contoso.com", "[\"" + EXO + "\"]") + ","
                + user(LEE, "lee@contoso.com", "[\"" + EXO + "\"]") + "]}");
    }

    private static String user(String id, String upn, String disabled) {
        return "{\"id\":\"" + id + "\",\"userPrincipalName\":\"" + upn + "\",\"userType\":\"Member\",\"accountEnabled\":true,"
                + "\"assignedLicenses\":[{\"disabledPlans\":" + disabled + ",\"skuId\":\"" + E3 + "\"}],\"assignedPlans\":[],"
                + "\"licenseAssignmentStates\":[{\"skuId\":\"" + E3 + "\",\"state\":\"Active\",\"error\":\"None\"}]}";
    }

    private Cli scan(String... extra) {
        List<String> args = new ArrayList<>(List.of("scan", dir.resolve("snap").toString(), "--fail-on", "never"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Markdown as it reads once rendered: the report writes a value's markup characters as character references. */
    private static String rendered(String markdown) {
        return java.util.regex.Pattern.compile("&#(\\d+);").matcher(markdown)
                .replaceAll(m -> java.util.regex.Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    }

    private static JsonNode finding(JsonNode result, String rule) {
        for (JsonNode f : result.path("findings")) if (f.path("ruleId").asText().equals(rule)) return f;
        throw new AssertionError("no " + rule + " finding in " + result);
    }

    @Test
    void placeholdersAndDollarsInANameAreReportedVerbatimInEveryFormat() throws IOException {
        String name = "Pay {0} and {1} $1 \\\\$ {2}";
        String shown = "Pay {0} and {1} $1 \\$ {2}";
        tenant(name);
        Path json = dir.resolve("r.json"), sarif = dir.resolve("r.sarif"), md = dir.resolve("r.md"), csv = dir.resolve("r.csv");
        Cli r = scan("--json", json.toString(), "--sarif", sarif.toString(), "--markdown", md.toString(), "--csv", csv.toString());
        assertEquals(0, r.exit(), r.toString());
        String expected = "Agent " + shown + " (cr6b1_hrHelpdesk) is published to channel Directline,";
        assertTrue(r.out().contains(expected), r.out());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertTrue(finding(result, "CIL003").path("message").asText().startsWith(expected), result.toString());
        JsonNode sarifResult = new ObjectMapper().readTree(sarif.toFile()).path("runs").get(0).path("results");
        boolean inSarif = false;
        for (JsonNode res : sarifResult) inSarif |= res.path("message").path("text").asText().startsWith(expected);
        assertTrue(inSarif, sarifResult.toString());
        String markdown = rendered(Files.readString(md));
        assertTrue(markdown.contains(expected), markdown);
        String table = Files.readString(csv);
        assertTrue(table.contains("Pay {0} and {1} $1"), table);
    }

    @Test
    void aUserExemptionLeavesThatUserOutOfTheCountAndIsListedWithIt() throws IOException {
        tenant("HR Helpdesk");
        Path json = dir.resolve("before.json");
        assertEquals(0, scan("--json", json.toString()).exit());
        JsonNode before = finding(new ObjectMapper().readTree(json.toFile()), "CIL004");
        assertEquals(2, before.path("affected").asInt(), before.toString());

        Path policy = write("../policy.yaml", """
                exemptions:
                  - rule: CIL004
                    user: KIOSK-LOBBY@contoso.com
                    agent: cr6b1_hrHelpdesk
                    reason: Shared lobby kiosk; conversations are logged by the kiosk vendor
                    approvedBy: security-office
                    ticket: SEC-2001
                    expires: %s
                """.formatted(AHEAD));
        Path after = dir.resolve("after.json");
        Cli r = scan("--json", after.toString(), "-p", policy.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode f = finding(new ObjectMapper().readTree(after.toFile()), "CIL004");
        assertEquals(1, f.path("affected").asInt(), f.toString());
        assertEquals(3, f.path("total").asInt(), "the exempted user is still in the audience");
        assertTrue(f.path("message").asText().startsWith("1 of 3 member users"), f.toString());
        JsonNode exempted = f.path("exemptedUsers");
        assertEquals(1, exempted.size(), f.toString());
        assertEquals(KIOSK, exempted.get(0).path("id").asText());
        assertEquals("SEC-2001", exempted.get(0).path("ticket").asText());
        assertEquals(AHEAD.toString(), exempted.get(0).path("expires").asText());
    }

    @Test
    void anExpiredUserExemptionCountsTheUserAgainAndRaisesCil013() throws IOException {
        tenant("HR Helpdesk");
        Path policy = write("../policy.yaml", """
                exemptions:
                  - rule: CIL004
                    user: kiosk-lobby@contoso.com
                    reason: Shared lobby kiosk
                    expires: %s
                """.formatted(java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(2)));
        Path json = dir.resolve("r.json");
        Cli r = scan("--json", json.toString(), "-p", policy.toString());
        assertEquals(0, r.exit(), r.toString());
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertEquals(2, finding(result, "CIL004").path("affected").asInt());
        assertEquals("CIL004", finding(result, "CIL013").path("exemptedRule").asText());
    }

    @Test
    void aScopeTheRulesFindingsNeverCarryIsRejectedAtItsLine() throws IOException {
        tenant("HR Helpdesk");
        Path policy = write("../policy.yaml", """
                exemptions:
                  - rule: CIL006
                    user: adele@contoso.com
                    reason: not how CIL006 works
                    expires: %s
                """.formatted(AHEAD));
        Cli r = scan("-p", policy.toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(policy + ":3:"), r.err());
        assertTrue(r.err().contains("CIL006 findings carry no \"user\""), r.err());
    }
}
