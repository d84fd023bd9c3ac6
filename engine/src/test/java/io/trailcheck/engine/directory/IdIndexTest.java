package io.trailcheck.engine.directory;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdIndexTest {
    @Test
    void findsGuidsInAnyLetterCaseAcrossGrowth() {
        IdIndex index = new IdIndex();
        int n = 20_000; // several doublings of the 4,096-slot table
        for (int i = 0; i < n; i++) assertTrue(index.putIfAbsent(guid(i), i));
        for (int i = 0; i < n; i++) {
            assertEquals(i, index.get(guid(i)));
            assertEquals(i, index.get(guid(i).toUpperCase()));
        }
        assertEquals(-1, index.get(guid(n)));
        assertFalse(index.putIfAbsent(guid(7).toUpperCase(), 99), "the same GUID in upper case is the same id");
        assertEquals(7, index.get(guid(7)));
    }

    @Test
    void guidsThatDifferOnlyInOneHalfAreDistinct() {
        IdIndex index = new IdIndex();
        String a = "7d1b2c3e-0000-402a-8000-000000000001";
        String b = "7d1b2c3e-0000-402b-8000-000000000001"; // last digit of the high half
        String c = "7d1b2c3e-0000-402a-9000-000000000001"; // first digit of the low half
        assertTrue(index.putIfAbsent(a, 1));
        assertTrue(index.putIfAbsent(b, 2));
        assertTrue(index.putIfAbsent(c, 3));
        assertEquals(1, index.get(a));
        assertEquals(2, index.get(b));
        assertEquals(3, index.get(c));
    }

    @Test
    void otherIdsFallBackToCaseInsensitiveText() {
        IdIndex index = new IdIndex();
        assertTrue(index.putIfAbsent("Alice@Contoso.example", 0));
        assertTrue(index.putIfAbsent("7d1b2c3e-0000-402a-8000-00000000000g", 1)); // not hexadecimal
        assertEquals(0, index.get("alice@contoso.example"));
        assertEquals(1, index.get("7D1B2C3E-0000-402A-8000-00000000000G"));
        assertFalse(index.putIfAbsent("ALICE@contoso.example", 2));
    }

    @Test
    void parsesAGuidAsItsTwoHalves() {
        UUID u = UUID.fromString("fedcba98-7654-3210-0123-456789abcdef");
        assertArrayEquals(new long[]{u.getMostSignificantBits(), u.getLeastSignificantBits()}, IdIndex.parse(u.toString()));
        assertNull(IdIndex.parse("fedcba98-7654-3210-0123-456789abcde"));
        assertNull(IdIndex.parse("fedcba98x7654-3210-0123-456789abcdef"));
    }

    private static String guid(int i) {
        return new UUID(0x7d1b2c3e0000402aL, 0x8000000000000000L | i).toString();
    }
}
