package io.trailcheck.engine.input.graph;

import io.trailcheck.engine.input.InputFile;
import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.engine.directory.GroupDirectory;
import io.trailcheck.engine.directory.UserDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.trailcheck.engine.TestSnapshots.read;
import static io.trailcheck.engine.TestSnapshots.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graph {@code GET /v1.0/groups?$expand=members($select=id)} with nested groups, devices and contacts, and
 * {@code group-members/<id>.json} transitive exports that win over the expanded list.
 */
class GroupsReaderTest {
    private static final String SALES = "3b1d72b3-8c04-4651-b15e-f4284c844a6e";
    private static final String EMEA = "c3986a29-212b-4ad5-b7dd-6caf6fd5a95f";
    private static final String LEADS = "f91eecac-a60a-4c0d-a4f4-713001687918";
    private static final String HR = "fdd6fb0c-fafe-4ce2-b91c-8446ba41fc87";
    private static final String ALL_COMPANY = "848d0e46-1995-4e0c-9227-03513a8b5382";
    private static final String EMPTY = "d88ea50c-cc6a-407f-85bc-cac877ae3323";

    private static final String ADELE = "631df11b-e2b0-48ef-a039-b6d33cb8079c";
    private static final String GRADY = "e3382ace-84bb-4a1d-905f-24e7473f4989";
    private static final String LEE = "68055ff6-e3fa-43dd-bd7a-72b8cad0af5d";
    private static final String ISAIAH = "f9b98c55-8bcc-4c5b-b473-6252b9c50485";
    private static final String JOHANNA = "b112a399-ab71-490f-b7a6-2376644533dc";
    private static final String LIDIA = "fb1adb03-ad95-477a-9694-7b7faf294397";

    private static Snapshot tenant() throws Exception {
        return read(resource("groups/tenant"));
    }

    private static BitSet users(UserDirectory directory, String... ids) {
        BitSet bits = new BitSet();
        for (String id : ids) {
            int i = directory.indexOf(id);
            assertTrue(i >= 0, id);
            bits.set(i);
        }
        return bits;
    }

    @Test
    void readsEveryGroupAndLocatesIt() throws Exception {
        Snapshot s = tenant();
        Path groups = resource("groups/tenant/groups.json");
        assertTrue(s.files().stream().anyMatch(f -> f.kind() == InputKind.GRAPH_GROUPS));
        assertEquals(6, s.groups().size());
        Map<String, Integer> records = new TreeMap<>();
        for (InputFile f : s.files()) records.put(f.kind().name(), f.records());
        assertEquals(6, records.get("GRAPH_GROUPS"));
        assertEquals(6, records.get("GRAPH_USERS"));
        GroupDirectory.Group sales = s.groups().get(SALES);
        assertEquals("Sales", sales.displayName());
        assertEquals(groups, sales.location().file());
        assertEquals(4, sales.location().line());
        assertEquals(5, sales.location().column());
        // a transitive file keeps the group's location in the groups export
        assertEquals(groups, s.groups().get(HR).location().file());
        assertEquals(37, s.groups().get(HR).location().line());
        assertEquals("HR Department", s.groups().get(HR).displayName());
    }

    @Test
    void nestedGroupMembersCountTransitivelyAndDevicesAndContactsDoNot() throws Exception {
        Snapshot s = tenant();
        UserDirectory u = s.users().orElseThrow();
        assertEquals(users(u, ADELE, GRADY, LEE, ISAIAH), s.groups().usersOf(List.of(SALES)));
        assertEquals(4, s.groups().usersOf(List.of(SALES)).cardinality(), "device and orgContact are not users");
    }

    @Test
    @Timeout(5)
    void cycleBetweenNestedGroupsTerminates() throws Exception {
        Snapshot s = tenant();
        UserDirectory u = s.users().orElseThrow();
        assertEquals(users(u, LEE, ISAIAH), s.groups().usersOf(List.of(EMEA)));
        assertEquals(users(u, LEE, ISAIAH), s.groups().usersOf(List.of(LEADS)));
        assertEquals(users(u, LEE, ISAIAH), s.groups().usersOf(List.of(LEADS, EMEA)));
    }

    @Test
    void transitiveMembersFileWinsOverTheExpandedList() throws Exception {
        Snapshot s = tenant();
        UserDirectory u = s.users().orElseThrow();
        // groups.json expands HR to Adele only; group-members/<HR>.json (two pages) lists Johanna and Lidia
        assertEquals(users(u, JOHANNA, LIDIA), s.groups().usersOf(List.of(HR)));
        assertTrue(s.files().stream().anyMatch(f -> f.kind() == InputKind.GROUP_MEMBERS));
        assertEquals(users(u, ADELE, GRADY, LEE, ISAIAH, JOHANNA, LIDIA), s.groups().usersOf(List.of(SALES, HR)));
    }

    @Test
    void transitiveFileAloneGivesTheMembershipOfTheGroupItIsNamedAfter() throws Exception {
        Snapshot s = read(resource("groups/tenant/users.json"),
                resource("groups/tenant/group-members/" + HR + ".json"));
        UserDirectory u = s.users().orElseThrow();
        assertTrue(s.groups().hasMembership(HR));
        assertTrue(s.groups().hasMembership(HR.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(users(u, JOHANNA, LIDIA), s.groups().usersOf(List.of(HR)));
        assertNull(s.groups().get(HR).displayName());
        assertTrue(s.files().stream().anyMatch(f -> f.kind() == InputKind.GROUP_MEMBERS));
    }

    @Test
    void membershipIsKnownOnlyWhereExpanded() throws Exception {
        Snapshot s = tenant();
        assertFalse(s.groups().hasMembership(ALL_COMPANY), "members not expanded");
        assertEquals(0, s.groups().usersOf(List.of(ALL_COMPANY)).cardinality());
        assertTrue(s.groups().hasMembership(EMPTY), "members: [] is a known, empty membership");
        assertEquals(0, s.groups().usersOf(List.of(EMPTY)).cardinality());
        assertFalse(s.groups().hasMembership("00000000-0000-0000-0000-000000000000"));
        assertTrue(s.groups().hasMembership(SALES));
    }
}
