package io.trailcheck.collect;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Complete membership of every group an agent is restricted to, through JSON batches of at most twenty. */
class GroupMembersBatchTest {
    private final BatchResponder batches = new BatchResponder();
    private WireMockServer server;
    private FakeTenant tenant;
    @TempDir Path out;

    @BeforeEach
    void start() {
        tenant = FakeTenant.start(batches);
        server = tenant.server;
        server.stubFor(FakeTenant.firstUsersPage().willReturn(okJson(tenant.usersPage(1, 2, null))));
        server.stubFor(post(urlPathEqualTo("/v1.0/$batch")).willReturn(aResponse().withTransformers(BatchResponder.NAME)));
    }

    @AfterEach
    void stop() {
        tenant.stop();
    }

    private static String membersUrl(String groupId) {
        return "/groups/" + groupId + "/transitiveMembers?$select=id";
    }

    @Test
    void batchesOfTwentyRetryTheThrottledInnerRequestAndFollowInnerNextLinks() throws IOException {
        List<String> groups = new ArrayList<>();
        for (int g = 1; g <= 25; g++) groups.add(FakeTenant.groupId(g));
        tenant.stubDirectory(groups);
        for (int g = 1; g <= 24; g++) {
            if (g == 3 || g == 7) continue;
            batches.answer(membersUrl(groups.get(g - 1)), BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(g)), null)));
        }
        String throttledGroup = groups.get(2);
        batches.answer(membersUrl(throttledGroup), BatchResponder.throttled(),
                BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(3)), null)));
        String pagedGroup = groups.get(6);
        String next = tenant.base() + "/v1.0" + membersUrl(pagedGroup) + "&$skiptoken=m2";
        batches.answer(membersUrl(pagedGroup), BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(7)), next)));
        batches.answer(membersUrl(pagedGroup) + "&$skiptoken=m2", BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(70)), null)));
        // group 25 is not answered: the responder says 404, as Graph does for a deleted group

        Collector.CollectSummary summary = tenant.collect(tenant.request(out)).summary();

        List<Integer> sizes = new ArrayList<>(batches.batchSizes);
        sizes.sort(null);
        assertEquals(List.of(2, 5, 20), sizes, "20 + 5 in parallel, then the throttled request and the next page together");
        for (int g = 1; g <= 24; g++) assertTrue(Files.exists(out.resolve("graph/group-members/" + groups.get(g - 1) + ".json")), "group " + g);
        assertFalse(Files.exists(out.resolve("graph/group-members/" + groups.get(24) + ".json")));
        String paged = Files.readString(out.resolve("graph/group-members/" + pagedGroup + ".json"));
        assertTrue(paged.startsWith("[{") && paged.endsWith("}]"), paged);
        assertTrue(paged.indexOf(FakeTenant.userId(7)) < paged.indexOf(FakeTenant.userId(70)), "pages in order: " + paged);
        assertTrue(Files.readString(out.resolve("graph/group-members/" + throttledGroup + ".json")).contains(FakeTenant.userId(3)));
        assertTrue(summary.notes().stream().anyMatch(n -> n.contains(groups.get(24)) && n.contains("does not exist")), summary.notes().toString());
        GraphPagingTest.assertNoPartFiles(out);
    }

    @Test
    void aRerunKeepsCompleteGroupFiles() throws IOException {
        List<String> groups = List.of(FakeTenant.groupId(1), FakeTenant.groupId(2));
        tenant.stubDirectory(groups);
        for (int g = 1; g <= 2; g++) {
            batches.answer(membersUrl(groups.get(g - 1)), BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(g)), null)));
        }
        tenant.collect(tenant.request(out));
        Files.delete(out.resolve("graph/group-members/" + groups.get(1) + ".json"));
        batches.innerUrls.clear();

        tenant.collect(tenant.request(out));

        assertEquals(List.of(membersUrl(groups.get(1))), batches.innerUrls, "only the missing group is asked for again");
    }

    @Test
    void aForbiddenInnerRequestNamesThePermission() {
        String group = FakeTenant.groupId(1);
        tenant.stubDirectory(List.of(group));
        batches.answer(membersUrl(group), new BatchResponder.Inner(403, null,
                "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient privileges to complete the operation.\"}}"));
        CollectException e = org.junit.jupiter.api.Assertions.assertThrows(CollectException.class, () -> tenant.collect(tenant.request(out)));
        assertTrue(e.getMessage().contains("missing permission: GroupMember.Read.All (application)"), e.getMessage());
        assertTrue(e.getMessage().contains(group), e.getMessage());
    }

    @Test
    void aValueThatIsNotAGroupIdNeverBecomesAPathOrAUrl() throws IOException {
        String group = FakeTenant.groupId(1);
        tenant.stubDirectory(List.of(group, "../../outside", "x?$expand=*"));
        batches.answer(membersUrl(group), BatchResponder.ok(FakeTenant.membersPage(List.of(FakeTenant.userId(1)), null)));

        Collector.CollectSummary summary = tenant.collect(tenant.request(out)).summary();

        assertEquals(List.of(membersUrl(group)), batches.innerUrls);
        assertFalse(Files.exists(out.getParent().resolve("outside.json")));
        assertTrue(summary.notes().stream().anyMatch(n -> n.contains("not a group id") && n.contains("../../OUTSIDE")), summary.notes().toString());
    }
}
