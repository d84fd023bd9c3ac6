package io.trailcheck.engine.directory;

import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MemberIdsTest {
    private static final String ADELE = "87d349ed-44d7-43e1-9a83-5f2406dee5bd";
    private static final String ALEX = "6e7b768e-07e2-4810-8459-485f84f8f204";
    private static final String LEGACY = "legacy-account@contoso.example";

    private static UserDirectory directory(String... ids) {
        UserDirectory.Builder b = new UserDirectory.Builder();
        SourceLocation at = SourceLocation.of(Path.of("users.json"), 1, 1);
        for (String id : ids) b.add(id, id, true, false, PlanProfile.NOT_EXPORTED, LicenceProfile.NOT_EXPORTED, at);
        List<UserDirectory.Builder> chunks = new ArrayList<>(List.of(b));
        return UserDirectory.merge(chunks, (id, again, first) -> { throw new AssertionError(id); });
    }

    @Test
    void resolvesGuidsAndOtherIdsInTheOrderGivenDroppingWhatIsNoUser() {
        UserDirectory users = directory(ADELE, LEGACY, ALEX);
        MemberIds ids = new MemberIds();
        ids.add(ALEX.toUpperCase());
        ids.add("00000000-0000-0000-0000-000000000001"); // a device or a deleted user: not in the users export
        ids.add("Legacy-Account@Contoso.example");
        ids.add(ADELE);
        ids.add("not-a-user");
        assertArrayEquals(new int[]{2, 1, 0}, ids.resolve(users));
    }

    @Test
    void growsPastItsFirstArray() {
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 100; i++) all.add(String.format("7d1b2c3e-0000-402a-8000-%012x", i));
        UserDirectory users = directory(all.toArray(String[]::new));
        MemberIds ids = new MemberIds();
        for (int i = 99; i >= 0; i--) ids.add(all.get(i));
        int[] resolved = ids.resolve(users);
        assertEquals(100, resolved.length);
        for (int k = 0; k < 100; k++) assertEquals(99 - k, resolved[k]);
    }
}
