package io.trailcheck.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Users through @odata.nextLink against a loopback server: throttling, resets, failures and resuming. */
class GraphPagingTest {
    private WireMockServer server;
    private FakeTenant tenant;
    @TempDir Path out;

    @BeforeEach
    void start() {
        tenant = FakeTenant.start();
        server = tenant.server;
        tenant.stubDirectory(List.of());
    }

    @AfterEach
    void stop() {
        tenant.stop();
    }

    private List<String> threePages() {
        List<String> pages = List.of(tenant.usersPage(1, 3, "p2"), tenant.usersPage(4, 6, "p3"), tenant.usersPage(7, 8, null));
        server.stubFor(FakeTenant.firstUsersPage().willReturn(okJson(pages.get(0))));
        return pages;
    }

    @Test
    void followsEveryNextLinkHonouringRetryAfterAnd503() throws IOException {
        List<String> pages = threePages();
        server.stubFor(FakeTenant.usersPageAfter("p2").inScenario("p2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeTenant.throttled("1")).willSetStateTo("open"));
        server.stubFor(FakeTenant.usersPageAfter("p2").inScenario("p2").whenScenarioStateIs("open").willReturn(okJson(pages.get(1))));
        server.stubFor(FakeTenant.usersPageAfter("p3").inScenario("p3").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("Service Unavailable")).willSetStateTo("open"));
        server.stubFor(FakeTenant.usersPageAfter("p3").inScenario("p3").whenScenarioStateIs("open").willReturn(okJson(pages.get(2))));

        tenant.collect(tenant.request(out));

        for (int n = 1; n <= 3; n++) assertEquals(pages.get(n - 1), Files.readString(out.resolve("graph/users-" + n + ".json")), "page " + n + " as it came");
        assertFalse(Files.exists(out.resolve("graph/users-4.json")));
        assertEquals(8, uniqueUserIds(out), "every user once");
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("p2")));
        server.verify(exactly(2), getRequestedFor(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("p3")));
        server.verify(getRequestedFor(urlPathEqualTo("/v1.0/users")).withHeader("Authorization", equalTo("Bearer " + FakeTenant.SECRET))
                .withQueryParam("$select", equalTo(Collector.USERS_SELECT)));
        assertNoPartFiles(out);
    }

    @Test
    void aConnectionResetMidPageIsRetriedWithoutDuplicates() throws IOException {
        List<String> pages = threePages();
        server.stubFor(FakeTenant.usersPageAfter("p2").willReturn(okJson(pages.get(1))));
        server.stubFor(FakeTenant.usersPageAfter("p3").inScenario("reset").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)).willSetStateTo("open"));
        server.stubFor(FakeTenant.usersPageAfter("p3").inScenario("reset").whenScenarioStateIs("open").willReturn(okJson(pages.get(2))));

        tenant.collect(tenant.request(out));

        assertEquals(pages.get(2), Files.readString(out.resolve("graph/users-3.json")));
        assertEquals(8, uniqueUserIds(out));
        assertEquals(8, allUserIds(out).size(), "no record twice");
        assertNoPartFiles(out);
    }

    @Test
    void anInterruptedRunResumesFromTheLastSavedPage() throws IOException {
        List<String> pages = threePages();
        server.stubFor(FakeTenant.usersPageAfter("p2").willReturn(okJson(pages.get(1))));
        server.stubFor(FakeTenant.usersPageAfter("p3")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"code\":\"generalException\",\"message\":\"boom\"}}")));

        CollectException first = assertThrows(CollectException.class, () -> tenant.collect(tenant.request(out)));
        assertTrue(first.getMessage().contains("HTTP 500"), first.getMessage());
        assertTrue(Files.exists(out.resolve("graph/users-2.json")));
        assertFalse(Files.exists(out.resolve("graph/users-3.json")));
        assertNoPartFiles(out);

        server.stubFor(FakeTenant.usersPageAfter("p3").willReturn(okJson(pages.get(2)))); // the newest stub wins
        Collector.CollectSummary summary = tenant.collect(tenant.request(out)).summary();

        assertEquals(pages.get(2), Files.readString(out.resolve("graph/users-3.json")));
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/v1.0/users")).withQueryParam("$skiptoken", equalTo("p2")));
        server.verify(exactly(1), getRequestedFor(urlPathEqualTo("/org1/api/data/v9.2/bots")));
        assertEquals(8, allUserIds(out).size());
        assertTrue(summary.lines().stream().anyMatch(l -> l.contains("users-N.json") && l.contains("1 written, 2 kept")), summary.lines().toString());
        assertTrue(summary.lines().stream().anyMatch(l -> l.startsWith("kept") && l.contains("bots.json")), summary.lines().toString());
    }

    @Test
    void a401SaysTheTokenWasNotAccepted() {
        server.stubFor(FakeTenant.firstUsersPage().willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\",\"message\":\"Access token has expired or is not yet valid.\"}}")));
        CollectException e = assertThrows(CollectException.class, () -> tenant.collect(tenant.request(out)));
        assertTrue(e.getMessage().startsWith("Graph users (GET http://127.0.0.1:"), e.getMessage());
        assertTrue(e.getMessage().contains("401 Unauthorized"), e.getMessage());
        assertTrue(e.getMessage().contains("it needs User.Read.All (application)"), e.getMessage());
        assertTrue(e.getMessage().contains("InvalidAuthenticationToken: Access token has expired"), e.getMessage());
        assertFalse(e.getMessage().contains(FakeTenant.SECRET));
        assertFalse(e.getMessage().contains("skiptoken"));
    }

    @Test
    void a403NamesTheMissingPermission() {
        server.stubFor(FakeTenant.graph("/subscribedSkus").willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\"}}")));
        CollectException e = assertThrows(CollectException.class, () -> tenant.collect(tenant.request(out)));
        assertTrue(e.getMessage().contains("403 Forbidden: missing permission: LicenseAssignment.Read.All (application)"), e.getMessage());
        assertFalse(Files.exists(out.resolve("graph/subscribedSkus.json")));
    }

    @Test
    void aNextLinkToAnotherHostIsRefused() {
        server.stubFor(FakeTenant.firstUsersPage().willReturn(okJson("{\"@odata.nextLink\":\"https://attacker.example/v1.0/users?$skiptoken=x\",\"value\":[]}")));
        CollectException e = assertThrows(CollectException.class, () -> tenant.collect(tenant.request(out)));
        assertTrue(e.getMessage().contains("refusing to send the token there"), e.getMessage());
    }

    static void assertNoPartFiles(Path out) throws IOException {
        try (Stream<Path> files = Files.walk(out)) {
            List<Path> parts = files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
            assertEquals(List.of(), parts);
        }
    }

    private static int uniqueUserIds(Path out) throws IOException {
        return new HashSet<>(allUserIds(out)).size();
    }

    private static List<String> allUserIds(Path out) throws IOException {
        Pattern id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");
        List<String> ids = new ArrayList<>();
        try (Stream<Path> files = Files.list(out.resolve("graph"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("users-")).toList()) {
                Matcher m = id.matcher(Files.readString(f));
                while (m.find()) ids.add(m.group(1));
            }
        }
        return ids;
    }

    @Test
    void onATerminalOneStatusLineCountsPagesRecordsAndThrottledWaits() {
        List<String> pages = threePages();
        server.stubFor(FakeTenant.usersPageAfter("p2").inScenario("p2").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(FakeTenant.throttled("1")).willSetStateTo("open"));
        server.stubFor(FakeTenant.usersPageAfter("p2").inScenario("p2").whenScenarioStateIs("open").willReturn(okJson(pages.get(1))));
        server.stubFor(FakeTenant.usersPageAfter("p3").willReturn(okJson(pages.get(2))));
        java.io.StringWriter terminal = new java.io.StringWriter();
        io.trailcheck.collect.http.Progress progress = io.trailcheck.collect.http.Progress.on(new java.io.PrintWriter(terminal), true);

        new Collector(tenant.request(out), new io.trailcheck.collect.auth.EnvironmentToken(FakeTenant.TOKEN_ENV, System::getenv),
                progress, new java.io.PrintWriter(new java.io.StringWriter())).run();
        progress.finish();

        assertTrue(terminal.toString().contains("\r\033[Kcollecting: "), terminal.toString());
        assertTrue(progress.line().startsWith("6 pages, 9 records, 1 throttled"), progress.line());
        assertFalse(terminal.toString().contains(FakeTenant.SECRET));
        assertFalse(terminal.toString().contains("\n"), "one line, redrawn");
    }
}
