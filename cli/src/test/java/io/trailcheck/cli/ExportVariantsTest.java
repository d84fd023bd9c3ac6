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

/** The shapes real exporters and people produce beyond the happy path, end to end through the CLI. */
class ExportVariantsTest {
    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String EXO = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    static final String GROUP = "6a8f0c2e-1111-4aaa-8bbb-000000000001";
    static final String GUEST = "b2f7c1d0-0000-4000-8000-000000000002";

    @TempDir Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve("snap").resolve(name);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    private JsonNode scan(String... extra) throws IOException {
        Path json = dir.resolve("out.json");
        List<String> args = new ArrayList<>(List.of("scan", dir.resolve("snap").toString(), "--json", json.toString(), "--fail-on", "never"));
        args.addAll(List.of(extra));
        Cli r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.toString());
        return new ObjectMapper().readTree(json.toFile());
    }

    private static List<String> entities(JsonNode result, String rule) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            if (f.path("ruleId").asText().equals(rule)) out.add(f.path("entity").path("kind").asText() + ":" + f.path("entity").path("key").asText());
        }
        return out;
    }

    private void groupAgent() throws IOException {
        write("agents/hr/settings.mcs.yml", "schemaName: cr_hr\nauthenticationMode: Integrated\naccessControlPolicy: GroupMembership\n"
                + "authorizedSecurityGroupIds: [" + GROUP + "]\nconfiguration:\n  channels:\n    - channelId: MsTeams\n");
    }

    @Test
    void powerShellExportsWithPascalCaseKeysAreRead() throws IOException {
        groupAgent();
        write("users.json", "[{\"Id\":\"" + GUEST + "\",\"UserPrincipalName\":\"g_fabrikam#EXT#@contoso.onmicrosoft.com\",\"UserType\":\"Guest\","
                + "\"AccountEnabled\":true,\"AssignedLicenses\":[],\"AssignedPlans\":[]}]");
        write("group-members/" + GROUP + ".json", "[{\"Id\":\"" + GUEST + "\",\"@odata.type\":\"#microsoft.graph.user\"}]");
        assertEquals(List.of("agent:cr_hr"), entities(scan(), "CIL005"));
    }

    @Test
    void aLicenceWorkingDirectlyIsNotSpoiltByTheSameLicenceInErrorThroughAGroup() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        write("subscribedSkus.json", "{\"value\":[{\"skuId\":\"" + E3 + "\",\"servicePlans\":[{\"servicePlanId\":\"" + EXO + "\"}]}]}");
        write("users.json", "{\"value\":[{\"id\":\"7d1b2c3e-0000-4000-8000-000000000001\",\"assignedLicenses\":[{\"skuId\":\"" + E3
                + "\",\"disabledPlans\":[]}],\"licenseAssignmentStates\":[{\"skuId\":\"" + E3 + "\",\"state\":\"Active\",\"assignedByGroup\":null},"
                + "{\"skuId\":\"" + E3 + "\",\"state\":\"Error\",\"assignedByGroup\":\"" + GROUP + "\"}]}]}");
        assertEquals(List.of(), entities(scan(), "CIL004"));
    }

    @Test
    void conflictingChannelsAreReportedAndRepeatedChannelsCountOnce() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\nconfiguration:\n  channels:\n"
                + "    - channelId: Directline\n    - channelId: directline\n");
        write("bots.json", "{\"value\":[{\"schemaname\":\"cr_a\",\"authenticationmode\":2,\"configuration\":"
                + "\"{\\\"channels\\\":[{\\\"channelId\\\":\\\"MsTeams\\\"}]}\"}]}");
        JsonNode result = scan();
        assertEquals(List.of("channel:cr_a/Directline"), entities(result, "CIL003"));
        assertTrue(result.path("conflicts").toString().contains("cr_a: channels differs between sources: [Directline] in agents/a/settings.mcs.yml:5; [MsTeams] in bots.json:1"), result.path("conflicts").toString());
    }

    @Test
    void anAgentInAWorkspaceAndANativeFileIsOneAgent() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: None\n");
        write("extra.trailcheck.yaml", "agents:\n  - schemaName: CR_A\n    displayName: Agent A\ntelemetry:\n  cr_a: { connectionStringSet: false }\n");
        JsonNode result = scan();
        assertEquals(List.of("agent:cr_a"), entities(result, "CIL001"));
        assertEquals(1, result.path("inventory").path("agents").asInt());
    }

    @Test
    void fingerprintsIgnoreLetterCase() throws IOException {
        Path ws = write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\nconfiguration:\n  channels:\n    - channelId: Directline\n");
        String before = scan().path("findings").get(0).path("fingerprint").asText();
        Files.writeString(ws, Files.readString(ws).replace("Directline", "DIRECTLINE"));
        assertEquals(before, scan().path("findings").get(0).path("fingerprint").asText());
    }

    @Test
    void outOfRangePicklistsAreUnknownValues() throws IOException {
        write("bots.json", "{\"value\":[{\"schemaname\":\"cr_a\",\"authenticationmode\":-2,\"accesscontrolpolicy\":-1}]}");
        JsonNode result = scan();
        assertEquals(List.of("value:cr_a/accessControlPolicy=-1", "value:cr_a/authenticationMode=-2"),
                entities(result, "CIL011").stream().sorted().toList());
        assertEquals(List.of(), entities(result, "CIL004"));
    }

    @Test
    void missingGroupsAreReportedEvenWithoutAUsersExport() throws IOException {
        groupAgent();
        assertEquals(List.of("group:cr_hr/" + GROUP), entities(scan(), "CIL012"));
    }

    @Test
    void interactionsWithAnAgentNoInputDefinesAreReported() throws IOException {
        write("seen.trailcheck.yaml", "interactions:\n  - { agent: cr_ghost, channel: MsTeams, user: anonymous }\n");
        assertEquals(List.of("agent-reference:cr_ghost"), entities(scan(), "CIL012"));
    }

    @Test
    void anUnknownRetentionDurationIsATenantFinding() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        write("auditRetentionPolicies.json", "[{\"Name\":\"Copilot\",\"RecordTypes\":[\"CopilotInteraction\"],\"RetentionDuration\":5,\"Priority\":1}]");
        JsonNode result = scan();
        JsonNode f = result.path("findings").get(0);
        assertEquals("CIL011", f.path("ruleId").asText());
        assertTrue(f.path("message").asText().startsWith("The tenant's RetentionDuration is \"5\""), f.toString());
        assertFalse(f.has("agent"));
    }

    @Test
    void aWindowsPowerShellUtf16ExportOfNoRetentionPoliciesMeansTheDefault() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        Files.write(dir.resolve("snap/auditRetentionPolicies.json"), new byte[]{(byte) 0xFF, (byte) 0xFE, '\r', 0, '\n', 0});
        Path policy = dir.resolve("strict.yaml");
        Files.writeString(policy, "rules:\n  CIL007: { params: { minRetentionDays: 365 } }\n");
        assertEquals(List.of("tenant:tenant"), entities(scan("--policy", policy.toString()), "CIL007"));
    }

    @Test
    void anEmptyPolicyOverlayChangesNothing() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: None\n");
        Path empty = dir.resolve("empty.yaml");
        Files.writeString(empty, "# nothing to change yet\n");
        assertEquals(List.of("agent:cr_a"), entities(scan("--policy", empty.toString()), "CIL001"));
    }

    @Test
    void aUserScopedExemptionNamesTheUserByPseudonymInSarif() throws IOException {
        write("agents/a/settings.mcs.yml", "schemaName: cr_a\nauthenticationMode: Integrated\n");
        Path policy = dir.resolve("p.yaml");
        Files.writeString(policy, "exemptions:\n  - { rule: CIL004, agent: cr_a, user: LynneR@contoso.com, reason: r, expires: 2020-01-01 }\n");
        Path sarif = dir.resolve("x.sarif");
        Cli r = Cli.run("scan", dir.resolve("snap").toString(), "--policy", policy.toString(), "--sarif", sarif.toString());
        assertEquals(0, r.exit(), r.toString());
        String text = Files.readString(sarif);
        assertTrue(text.contains("CIL013") && text.contains("user=user-"), text);
        assertFalse(text.toLowerCase().contains("lynner@contoso.com"));
    }

    @Test
    void badNumbersAreInputErrorsNotCrashes() throws IOException {
        Path f = write("t.trailcheck.yaml", "tenant:\n  copilotAuditRetentionDays: 123456789012345678901234567890\n");
        Cli r = Cli.run("scan", dir.resolve("snap").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":2:") && r.err().contains("expected whole days"), r.err());
        Cli option = Cli.run("scan", dir.resolve("snap").toString(), "--max-string-length", "-5");
        assertEquals(2, option.exit(), option.toString());
        assertTrue(option.err().contains("--max-string-length must be a positive number"), option.err());
    }

    @Test
    void aValueThatIsNotAnArrayIsLocated() throws IOException {
        Path f = write("users.json", "{\"value\": \"abc\"}");
        Cli r = Cli.run("scan", dir.resolve("snap").toString());
        assertEquals(2, r.exit(), r.toString());
        assertTrue(r.err().contains(f + ":1:11: \"value\": expected an array of records"), r.err());
    }
}
