package io.trailcheck.engine.directory;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile directory shapes: deep nesting, cycles, and ids crafted to collide. */
class DirectoryHardeningTest {
    @Test
    void aChainOfHundredThousandNestedGroupsIsExpandedIteratively() {
        GroupDirectory groups = new GroupDirectory();
        int n = 100_000;
        for (int i = 0; i < n; i++) {
            List<String> nested = i + 1 < n ? List.of("g" + (i + 1)) : List.of("g0");
            groups.addGroup("g" + i, null, null, new int[]{i}, nested, true);
        }
        BitSet users = groups.usersOf(List.of("g0"));
        assertEquals(n, users.cardinality(), "every user along the chain, the cycle back to g0 cut");
    }

    @Test
    void guidsCraftedToCollideInTheOldHashAreAllKeptApart() {
        IdIndex index = new IdIndex();
        List<String> ids = new ArrayList<>();
        for (long k = 0; k < 50_000; k++) {
            long hi = k, lo = -31 * k; // hi * 31 + lo == 0 for every id: one slot under the unkeyed hash
            ids.add(new UUID(hi, lo).toString());
        }
        for (int i = 0; i < ids.size(); i++) assertTrue(index.putIfAbsent(ids.get(i), i));
        for (int i = 0; i < ids.size(); i++) assertEquals(i, index.get(ids.get(i).toUpperCase()));
        assertFalse(index.putIfAbsent(ids.get(7), 99));
        assertTrue(index.collisions < 20L * ids.size(), "probes stay short: " + index.collisions);
        assertEquals(-1, index.get(new UUID(1, 1).toString()));
    }
}
