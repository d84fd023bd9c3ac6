package io.trailcheck.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.Extension;
import io.trailcheck.collect.auth.EnvironmentToken;
import io.trailcheck.collect.http.Progress;
import io.trailcheck.collect.http.Retry;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A tenant served on loopback in the shapes Microsoft documents: Graph pages with {@code @odata.context} and
 * {@code @odata.nextLink}, Dataverse pages with etags and formatted-value annotations, JSON batch responses.
 */
public final class FakeTenant {
    public static final String TOKEN_ENV = "TRAILCHECK_TEST_TOKEN";
    public static final String SECRET = "tc-test-secret-7f3a9c";

    public final WireMockServer server;

    private FakeTenant(WireMockServer server) {
        this.server = server;
    }

    /** A loopback server (with extensions such as {@link BatchResponder}), started. */
    public static FakeTenant start(Extension... extensions) {
        WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").jettyStopTimeout(100L)
                .extensions(extensions));
        server.start();
        return new FakeTenant(server);
    }

    public void stop() {
        server.stop();
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    static String userId(int n) {
        return UUID.nameUUIDFromBytes(("user" + n).getBytes()).toString();
    }

    static String groupId(int n) {
        return UUID.nameUUIDFromBytes(("group" + n).getBytes()).toString();
    }

    static String user(int n) {
        return "{\"id\":\"" + userId(n) + "\",\"displayName\":null,\"userPrincipalName\":\"user" + n + "@contoso.com\","
                + "\"userType\":\"Member\",\"accountEnabled\":true,\"assignedLicenses\":[],\"assignedPlans\":[],"
                + "\"licenseAssignmentStates\":[]}";
    }

    /** Users {@code from}..{@code to} (inclusive) as one Graph page; {@code next} is the next skip token or null. */
    String usersPage(int from, int to, String next) {
        List<String> users = new ArrayList<>();
        for (int n = from; n <= to; n++) users.add(user(n));
        return "{\"@odata.context\":\"" + base() + "/v1.0/$metadata#users(id,userPrincipalName)\","
                + (next == null ? "" : "\"@odata.nextLink\":\"" + base() + "/v1.0/users?$top=999&$select=" + Collector.USERS_SELECT
                + "&$skiptoken=" + next + "\",")
                + "\"value\":[" + String.join(",", users) + "]}";
    }

    public static String membersPage(List<String> userIds, String nextLink) {
        List<String> members = new ArrayList<>();
        for (String id : userIds) members.add("{\"@odata.type\":\"#microsoft.graph.user\",\"id\":\"" + id + "\"}");
        return "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects(id)\","
                + (nextLink == null ? "" : "\"@odata.nextLink\":\"" + nextLink + "\",")
                + "\"value\":[" + String.join(",", members) + "]}";
    }

    static String bots(List<String> groupIds) {
        return "{\"@odata.context\":\"https://contoso.crm4.dynamics.com/api/data/v9.2/$metadata#bots\",\"value\":[{"
                + "\"@odata.etag\":\"W/\\\"4822157\\\"\",\"botid\":\"85d0bc7a-39ed-49e7-9c38-c8027a569e88\",\"name\":\"IT Helpdesk\","
                + "\"schemaname\":\"cr6b1_itHelpdesk\",\"authenticationmode\":2,\"authenticationtrigger\":1,"
                + "\"accesscontrolpolicy@OData.Community.Display.V1.FormattedValue\":\"Group membership\",\"accesscontrolpolicy\":2,"
                + "\"authorizedsecuritygroupids\":\"" + String.join(",", groupIds).toUpperCase(Locale.ROOT) + "\","
                + "\"configuration\":\"{\\\"channels\\\":[{\\\"channelId\\\":\\\"MsTeams\\\"}]}\",\"statecode\":0}]}";
    }

    static MappingBuilder graph(String path) {
        return get(urlPathEqualTo("/v1.0" + path));
    }

    /** The directory calls every collection makes besides users: counts, SKUs, groups, one environment's bots. */
    void stubDirectory(List<String> restrictedGroups) {
        server.stubFor(graph("/users/$count").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("\uFEFF1200")));
        server.stubFor(graph("/groups/$count").willReturn(aResponse().withHeader("Content-Type", "text/plain").withBody("3")));
        server.stubFor(graph("/subscribedSkus").willReturn(okJson("{\"@odata.context\":\"x\",\"value\":[]}")));
        server.stubFor(graph("/groups").willReturn(okJson("{\"value\":[]}")));
        server.stubFor(get(urlPathEqualTo("/org1/api/data/v9.2/bots")).willReturn(okJson(bots(restrictedGroups))));
    }

    static MappingBuilder firstUsersPage() {
        return graph("/users").withQueryParam("$skiptoken", absent());
    }

    static MappingBuilder usersPageAfter(String token) {
        return graph("/users").withQueryParam("$skiptoken", equalTo(token));
    }

    static ResponseDefinitionBuilder throttled(String retryAfter) {
        ResponseDefinitionBuilder r = aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Too many requests\",\"innerError\":{}}}");
        return retryAfter == null ? r : r.withHeader("Retry-After", retryAfter);
    }

    CollectRequest request(Path out) {
        return CollectRequest.of("contoso.onmicrosoft.com", out, Cloud.GLOBAL)
                .withEndpoints(URI.create(base()), URI.create(base()), URI.create(base()))
                .withDataverse(List.of(URI.create(base() + "/org1")))
                .withPacing(4, Duration.ofSeconds(5), new Retry(5, Duration.ofMillis(10), Duration.ofMillis(40), 0.001), Duration.ofMillis(5));
    }

    /** Runs a collection; what it logs is kept for the secret check. */
    Run collect(CollectRequest request) {
        StringWriter log = new StringWriter();
        Collector.CollectSummary summary = new Collector(request, new EnvironmentToken(TOKEN_ENV, System::getenv),
                Progress.silent(), new PrintWriter(log, true)).run();
        return new Run(summary, log.toString());
    }

    record Run(Collector.CollectSummary summary, String log) {}
}
