package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.parse.CollectionParts;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
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

/** A users export read in parts on several cores holds the same users, locations and problems as read in one. */
class GraphUsersReaderPartsTest {
    @TempDir Path dir;

    private final GraphCollection collection = new GraphCollection(new JsonFiles(ParseLimits.DEFAULT));

    private record Read(List<String> users, List<Problem> problems) {}

    private Read read(Path file, int cores) throws IOException {
        long min = cores == 1 ? Long.MAX_VALUE : Files.size(file) / cores;
        Problems problems = new Problems();
        UsersSection section = new GraphUsersReader(new CollectionParts(collection, cores, min)).read(file, problems);
        UserDirectory directory = UserDirectory.merge(List.of(section.users()), (id, again, first) -> { });
        List<String> users = new ArrayList<>();
        for (int i = 0; i < directory.size(); i++) {
            users.add(directory.id(i) + " " + directory.principalName(i) + " " + directory.isGuest(i) + " "
                    + directory.isEnabled(i) + " " + directory.location(i));
        }
        return new Read(users, problems.list());
    }

    private static String user(int i, String id) {
        String licence = i % 3 == 0 ? "[]" : "[{\"disabledPlans\":[],\"skuId\":\"05e9a617-0261-4cee-bb44-138d3ef5d965\"}]";
        return "{\"id\":\"" + id + "\",\"userPrincipalName\":\"user" + i + "@contoso.example\",\"userType\":\""
                + (i % 10 == 0 ? "Guest" : "Member") + "\",\"assignedLicenses\":" + licence
                + ",\"assignedPlans\":[{\"assignedDateTime\":\"2025-11-01T08:00:00Z\",\"capabilityStatus\":\"Enabled\","
                + "\"service\":\"exchange\",\"servicePlanId\":\"efb87545-963c-4e0d-99df-69c6916d9eb0\"}]}";
    }

    private static String id(int i) {
        return String.format("7d1b2c3e-0000-402a-8000-%012d", i);
    }

    private Path page(List<String> users, String separator) throws IOException {
        Path f = Files.createTempFile(dir, "users", ".json");
        Files.writeString(f, "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users\",\n\"value\":["
                + String.join("," + separator, users) + "]}");
        return f;
    }

    @Test
    void usersAndTheirLocationsAreTheSameReadInParts() throws IOException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3000; i++) users.add(user(i, id(i)));
        for (String separator : List.of("\n", "")) {
            Path f = page(users, separator);
            Read whole = read(f, 1);
            assertEquals(3000, whole.users().size());
            assertTrue(whole.problems().isEmpty());
            assertEquals(whole, read(f, 2));
            assertEquals(whole, read(f, 5));
        }
    }

    @Test
    void aUserRepeatedAcrossPartsIsReportedAsReadingInOneReportsIt() throws IOException {
        List<String> users = new ArrayList<>();
        for (int i = 0; i < 3000; i++) users.add(user(i, id(i == 2900 ? 7 : i)));
        Path f = page(users, "\n");
        Read whole = read(f, 1);
        assertEquals(1, whole.problems().size());
        assertTrue(whole.problems().get(0).message().startsWith("duplicate user id " + id(7)), whole.problems().toString());
        assertFalse(whole.users().isEmpty());
        assertEquals(whole, read(f, 2));
        assertEquals(whole, read(f, 4));
    }
}
