package io.trailcheck.engine.directory;

import java.util.HashMap;
import java.util.Map;

/**
 * Every user's effective mailbox under one catalogue, derived once per distinct pair of licence and plan
 * profiles rather than once per user.
 */
public final class Mailboxes {
    private final byte[] status;

    private Mailboxes(byte[] status) {
        this.status = status;
    }

    public static Mailboxes derive(UserDirectory users, MailboxCatalogue catalogue, Map<String, Sku> skus, boolean skusExported) {
        MailboxDerivation derivation = new MailboxDerivation(catalogue, skus, skusExported);
        Map<Long, MailboxStatus> memo = new HashMap<>();
        byte[] status = new byte[users.size()];
        for (int i = 0; i < status.length; i++) {
            int licences = users.licenceProfileIndex(i);
            int plans = users.planProfileIndex(i);
            long key = ((long) licences << 32) | (plans & 0xFFFFFFFFL);
            status[i] = memo.computeIfAbsent(key, k -> derivation.derive(users.planProfile(plans), users.licenceProfile(licences))).code();
        }
        return new Mailboxes(status);
    }

    public MailboxStatus of(int user) {
        return MailboxStatus.ofCode(status[user]);
    }
}
