package io.trailcheck.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Audit records through the Purview audit search API, and App Insights telemetry, when asked for. */
class ObservationsTest {
    private static final String QUERY_ID = "168ec429-084b-a489-90d8-504a87846305";
    private WireMockServer server;
    private FakeTenant tenant;
    @TempDir Path out;

    @BeforeEach
    void start() {
        tenant = FakeTenant.start();
        server = tenant.server;
        tenant.stubDirectory(List.of());
        server.stubFor(FakeTenant.firstUsersPage().willReturn(okJson(tenant.usersPage(1, 1, null))));
    }

    @AfterEach
    void stop() {
        tenant.stop();
    }

    private static String query(String status) {
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#security/auditLog/queries/$entity\","
                + "\"id\":\"" + QUERY_ID + "\",\"displayName\":\"trailcheck collect\",\"filterStartDateTime\":\"2026-11-02T00:00:00Z\","
                + "\"filterEndDateTime\":\"2026-12-02T00:00:00Z\",\"recordTypeFilters\":[\"copilotInteraction\"],\"status\":\"" + status + "\"}";
    }

    private String records(String next, String recordId) {
        return "{\"@odata.context\":\"x\"," + (next == null ? "" : "\"@odata.nextLink\":\"" + tenant.base() + "/v1.0/security/auditLog/queries/"
                + QUERY_ID + "/records?$skiptoken=" + next + "\",")
                + "\"value\":[{\"id\":\"" + recordId + "\",\"createdDateTime\":\"2026-11-20T10:00:00Z\",\"auditLogRecordType\":\"copilotInteraction\","
                + "\"operation\":\"CopilotInteraction\",\"userPrincipalName\":\"user1@contoso.com\",\"auditData\":{\"AppHost\":\"Teams\"}}]}";
    }

    @Test
    void auditRecordsAreQueriedPolledAndPagedAndARerunReusesTheQuery() throws IOException {
        server.stubFor(post(urlPathEqualTo("/v1.0/security/auditLog/queries")).willReturn(okJson(query("notStarted")).withStatus(201)));
        String q = "/v1.0/security/auditLog/queries/" + QUERY_ID;
        server.stubFor(get(urlPathEqualTo(q)).inScenario("poll").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(query("running"))).willSetStateTo("done"));
        server.stubFor(get(urlPathEqualTo(q)).inScenario("poll").whenScenarioStateIs("done").willReturn(okJson(query("succeeded"))));
        server.stubFor(get(urlPathEqualTo(q + "/records")).withQueryParam("$skiptoken", absent()).willReturn(okJson(records("r2", "a1"))));
        server.stubFor(get(urlPathEqualTo(q + "/records")).withQueryParam("$skiptoken", equalTo("r2")).willReturn(okJson(records(null, "a2"))));

        CollectRequest request = tenant.request(out).withObservations(30, List.of(), 30);
        tenant.collect(request);

        assertEquals(records("r2", "a1"), Files.readString(out.resolve("audit/auditRecords-1.json")));
        assertEquals(records(null, "a2"), Files.readString(out.resolve("audit/auditRecords-2.json")));
        server.verify(postRequestedFor(urlPathEqualTo("/v1.0/security/auditLog/queries"))
                .withRequestBody(matchingJsonPath("$.recordTypeFilters[0]", equalTo("copilotInteraction")))
                .withRequestBody(matchingJsonPath("$.filterStartDateTime")));

        Files.delete(out.resolve("audit/auditRecords-2.json"));
        tenant.collect(request);
        server.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1.0/security/auditLog/queries")));
        assertTrue(Files.exists(out.resolve("audit/auditRecords-2.json")));
        GraphPagingTest.assertNoPartFiles(out);
    }

    @Test
    void appInsightsTelemetryIsSavedAsTheQueryApiAnswers() throws IOException {
        String app = "0d3c5b9e-6a3f-4c51-9d64-8a1b2c3d4e5f";
        String answer = "{\"tables\":[{\"name\":\"PrimaryResult\",\"columns\":[{\"name\":\"timestamp\",\"type\":\"datetime\"},"
                + "{\"name\":\"name\",\"type\":\"string\"},{\"name\":\"customDimensions\",\"type\":\"dynamic\"}],"
                + "\"rows\":[[\"2026-11-20T10:00:00Z\",\"BotMessageReceived\",\"{\\\"channelId\\\":\\\"directline\\\"}\"]]}]}";
        server.stubFor(post(urlPathEqualTo("/v1/apps/" + app + "/query"))
                .withRequestBody(equalToJson("{\"query\":\"${json-unit.any-string}\",\"timespan\":\"P7D\"}")).willReturn(okJson(answer)));

        tenant.collect(tenant.request(out).withObservations(0, List.of(app), 7));

        assertEquals(answer, Files.readString(out.resolve("telemetry/appInsights-" + app + ".json")));
    }

    @Test
    void anApplicationIdMustBeAGuid() {
        CollectException e = org.junit.jupiter.api.Assertions.assertThrows(CollectException.class,
                () -> tenant.request(out).withObservations(0, List.of("../../etc"), 7));
        assertTrue(e.getMessage().contains("expected an application id"), e.getMessage());
    }
}
