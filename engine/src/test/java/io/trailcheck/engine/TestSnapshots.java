package io.trailcheck.engine;

import io.trailcheck.engine.directory.MailboxCatalogue;
import io.trailcheck.engine.directory.MailboxStatus;
import io.trailcheck.engine.directory.Mailboxes;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.policy.Policy;

import java.nio.file.Path;
import java.util.List;

/** Reads snapshots as a scan does, and judges their mailboxes under the default policy, for engine tests. */
public final class TestSnapshots {
    private TestSnapshots() {}

    /** A file or folder below the test resources' {@code readers/}. */
    public static Path resource(String path) {
        try {
            return Path.of(TestSnapshots.class.getResource("/readers/" + path).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Snapshot read(Path... paths) {
        return new SnapshotReader(ParseLimits.DEFAULT).read(List.of(paths));
    }

    /** The effective mailbox of the user with {@code id}, under the default policy's catalogue. */
    public static MailboxStatus mailbox(Snapshot s, String id) {
        Policy policy = TestPolicies.defaults();
        var users = s.users().orElseThrow();
        int i = users.indexOf(id);
        if (i < 0) throw new AssertionError("user " + id + " not read");
        return Mailboxes.derive(users, new MailboxCatalogue(policy.mailboxPlanIds(), policy.foundationPlanIds()),
                s.skus(), s.has(InputSection.SKUS)).of(i);
    }
}
