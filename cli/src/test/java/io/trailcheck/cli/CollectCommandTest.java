package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.trailcheck.collect.BatchResponder;
import io.trailcheck.collect.FakeTenant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code trailcheck collect} against the example tenant served on loopback, then {@code scan} of what it wrote
 * compared with a scan of the same tenant exported by hand (the example's own files).
 */
class CollectCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path GRAPH = Cli.EXAMPLE.resolve("graph");
    private static final Path DATAVERSE = Cli.EXAMPLE.resolve("dataverse");

    private final BatchResponder batches = new BatchResponder();
    private FakeTenant tenant;
    private WireMockServer server;
    private String base;
    @TempDir Path dir;

    @BeforeEach
    void serveTheExampleTenant() throws IOException {
        tenant = FakeTenant.start(batches);
        server = tenant.server;
        base = tenant.base();
        List<JsonNode> userPages = new ArrayList<>();
        for (String f : List.of("users-1.json", "users-2.json")) {
            JsonNode doc = JSON.readTree(GRAPH.resolve(f).toFile());
            if (doc.isArray()) doc.forEach(userPages::add); else userPages.add(doc);
        }
        assertEquals(3, userPages.size(), "the example's users come in three pages");
        for (int n = 0; n < userPages.size(); n++) {
            ObjectNode page = (ObjectNode) userPages.get(n);
            page.remove("@odata.nextLink");
            if (n + 1 < userPages.size()) page.put("@odata.nextLink", base + "/v1.0/users?$select=id&$skiptoken=p" + (n + 2));
            server.stubFor(get(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", n == 0 ? absent() : equalTo("p" + (n + 1)))
                    .willReturn(okJson(JSON.writeValueAsString(page))));
        }
        server.stubFor(get(urlPathEqualTo("/v1.0/users/$count")).willReturn(aResponse().withBody("25")));
        server.stubFor(get(urlPathEqualTo("/v1.0/groups/$count")).willReturn(aResponse().withBody("6")));
        server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(okJson(Files.readString(GRAPH.resolve("subscribedSkus.json")))));
        server.stubFor(get(urlPathEqualTo("/v1.0/groups")).willReturn(okJson(Files.readString(GRAPH.resolve("groups.json")))));
        server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).willReturn(aResponse().withTransformers(BatchResponder.NAME)));
        answerTransitiveMembers();
        server.stubFor(get(urlPathEqualTo("/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments"))
                .withQueryParam("api-version", equalTo("2020-10-01"))
                .willReturn(okJson("{\"value\":[{\"id\":\"/providers/Microsoft.BusinessAppPlatform/scopes/admin/environments/Default-1\","
                        + "\"name\":\"Default-1\",\"properties\":{\"displayName\":\"Contoso (default)\",\"linkedEnvironmentMetadata\":"
                        + "{\"instanceUrl\":\"" + base + "/org1/\",\"version\":\"9.2.25123.00000\"}}},"
                        + "{\"name\":\"no-dataverse\",\"properties\":{\"displayName\":\"Teams only\"}}]}")));
        server.stubFor(get(urlPathEqualTo("/org1/api/data/v9.2/bots")).willReturn(okJson(Files.readString(DATAVERSE.resolve("bots.json")))));
    }

    /** Graph's transitive membership of each group, worked out from the example's expanded groups. */
    private void answerTransitiveMembers() throws IOException {
        Map<String, JsonNode> groups = new LinkedHashMap<>();
        JsonNode doc = JSON.readTree(GRAPH.resolve("groups.json").toFile());
        for (JsonNode page : doc.isArray() ? doc : JSON.createArrayNode().add(doc)) {
            for (JsonNode g : page.path("value")) groups.put(g.path("id").asText(), g);
        }
        for (String id : groups.keySet()) {
            Path exported = GRAPH.resolve("group-members").resolve(id + ".json");
            String page;
            if (Files.exists(exported)) {
                page = Files.readString(exported);
            } else {
                ArrayNode members = JSON.createArrayNode();
                addTransitive(id, groups, members);
                ObjectNode p = JSON.createObjectNode().put("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id)");
                p.set("value", members);
                page = JSON.writeValueAsString(p);
            }
            batches.answer("/groups/" + id + "/transitiveMembers?$select=id", BatchResponder.ok(page));
        }
    }

    private static void addTransitive(String id, Map<String, JsonNode> groups, ArrayNode into) {
        for (JsonNode m : groups.get(id).path("members")) {
            into.add(m);
            if (m.path("@odata.type").asText().endsWith("group") && groups.containsKey(m.path("id").asText())) {
                addTransitive(m.path("id").asText(), groups, into);
            }
        }
    }

    @AfterEach
    void stop() {
        tenant.stop();
    }

    private Cli collect(Path out) {
        return Cli.run("collect", "--tenant", "contoso.onmicrosoft.com", "--out", out.toString(), "--graph-endpoint", base,
                "--power-platform-endpoint", base, "--access-token-env", FakeTenant.TOKEN_ENV);
    }

    @Test
    void aCollectedFolderScansLikeTheHandMadeExport() throws IOException {
        Path collected = dir.resolve("collected");
        Cli run = collect(collected);
        assertEquals(0, run.exit(), run.toString());
        assertTrue(Files.exists(collected.resolve("graph/users-3.json")));
        assertTrue(Files.exists(collected.resolve("dataverse/127.0.0.1_" + server.port() + "_org1/bots.json")), run.toString());
        assertTrue(run.out().contains("Get-AdminAuditLogConfig | ConvertTo-Json > exchange/adminAuditLogConfig.json"), run.out());
        assertTrue(run.out().contains("Get-UnifiedAuditLogRetentionPolicy | ConvertTo-Json -Depth 5"), run.out());
        assertTrue(run.out().contains("group a45d535a-ab25-40a9-9f0f-33c00199b72e (authorised for an agent) does not exist"), run.out());
        assertTrue(run.err().contains("estimate: 25 users, 6 groups, 4 restricted groups"), run.err());

        Path hand = dir.resolve("hand");
        copy(GRAPH, hand.resolve("graph"));
        copy(DATAVERSE, hand.resolve("dataverse"));
        Path collectedJson = dir.resolve("collected.json");
        Path handJson = dir.resolve("hand.json");
        Cli scanCollected = Cli.run("scan", collected.toString(), "--json", collectedJson.toString(), "--fail-on", "never");
        Cli scanHand = Cli.run("scan", hand.toString(), "--json", handJson.toString(), "--fail-on", "never");
        assertEquals(0, scanCollected.exit(), scanCollected.toString());
        assertEquals(0, scanHand.exit(), scanHand.toString());

        JsonNode fromCollect = JSON.readTree(collectedJson.toFile());
        JsonNode byHand = JSON.readTree(handJson.toFile());
        assertEquals(findings(byHand), findings(fromCollect));
        assertEquals(9, findings(fromCollect).size());
        assertEquals(byHand.path("notEvaluated"), fromCollect.path("notEvaluated"));
        assertTrue(fromCollect.path("notEvaluated").toString().contains("CIL006"), "no audit settings: not evaluated, never guessed");

        assertNoSecret(List.of(run.out(), run.err(), scanCollected.out(), scanCollected.err()), collected, collectedJson);
    }

    @Test
    void aRerunKeepsEveryCompletedFile() throws IOException {
        Path out = dir.resolve("snapshot");
        assertEquals(0, collect(out).exit());
        Files.delete(out.resolve("graph/users-3.json"));
        server.resetRequests();

        Cli again = collect(out);

        assertEquals(0, again.exit(), again.toString());
        assertTrue(Files.exists(out.resolve("graph/users-3.json")));
        assertEquals(1, server.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo("/v1.0/users"))).size(),
                "only the missing page is fetched again");
        assertTrue(again.out().contains("(1 written, 2 kept)"), again.out());
    }

    @Test
    void failuresAreOneLineWithExitCode2() throws IOException {
        server.stubFor(get(urlPathEqualTo("/v1.0/subscribedSkus")).willReturn(aResponse().withStatus(403)
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges\\u001b[31m to complete the operation.\"}}")));
        Cli forbidden = collect(dir.resolve("x"));
        assertEquals(2, forbidden.exit(), forbidden.toString());
        assertTrue(forbidden.err().contains("403 Forbidden: missing permission: LicenseAssignment.Read.All (application)"), forbidden.err());
        assertFalse(forbidden.err().contains("\u001b"), "a server's escape sequence is not printed");
        assertFalse(forbidden.err().contains("at io.trailcheck"), "no stack trace");

        Cli cloud = Cli.run("collect", "--tenant", "t", "--out", dir.toString(), "--cloud", "germany");
        assertEquals(2, cloud.exit());
        assertTrue(cloud.err().contains("--cloud: expected global, usgov, usgovdod or china"), cloud.err());

        Cli unset = Cli.run("collect", "--tenant", "t", "--out", dir.toString(), "--access-token-env", "TRAILCHECK_UNSET_VARIABLE");
        assertEquals(2, unset.exit());
        assertTrue(unset.err().contains("the environment variable TRAILCHECK_UNSET_VARIABLE is not set"), unset.err());
        assertNoSecret(List.of(forbidden.out(), forbidden.err()), dir, dir);
    }

    @Test
    void helpListsEveryCredentialOption() {
        Cli help = Cli.run("collect", "--help");
        for (String option : List.of("--tenant", "--out", "--cloud", "--graph-endpoint", "--dataverse-url", "--access-token-env",
                "--credential", "--client-id", "--client-secret-env", "--certificate", "--certificate-password-env", "--federated-token-file",
                "client-secret", "certificate", "github-oidc", "workload-identity", "managed-identity", "azure-cli", "device-code",
                "usgov", "usgovdod", "china", "--audit-days", "--app-insights")) {
            assertTrue(help.out().contains(option), option + " in\n" + help.out());
        }
    }

    private static List<String> findings(JsonNode result) {
        List<String> out = new ArrayList<>();
        for (JsonNode f : result.path("findings")) {
            out.add(f.path("ruleId").asText() + " " + f.path("level").asText() + " " + f.path("entity") + " " + f.path("fingerprint").asText()
                    + " " + f.path("message").asText());
        }
        out.sort(null);
        return out;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) Files.createDirectories(target); else Files.copy(f, target);
            }
        }
    }

    /** The test token is sent to the server; it must appear in no output, no log and no file. */
    private static void assertNoSecret(List<String> outputs, Path folder, Path report) throws IOException {
        for (String o : outputs) assertFalse(o.contains(FakeTenant.SECRET), o);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(folder)) {
            walk.filter(Files::isRegularFile).forEach(files::add);
        }
        if (Files.isRegularFile(report)) files.add(report);
        assertFalse(files.isEmpty());
        for (Path f : files) assertFalse(new String(Files.readAllBytes(f)).contains(FakeTenant.SECRET), f.toString());
    }
}
