package io.trailcheck.engine.directory;

import java.util.Set;

/**
 * Which service plans give an Exchange Online mailbox, and which are only Exchange Foundation: the
 * policy's catalogue, by lower-case servicePlanId.
 */
public record MailboxCatalogue(Set<String> mailboxPlans, Set<String> foundationPlans) {
    public MailboxCatalogue {
        mailboxPlans = Set.copyOf(mailboxPlans);
        foundationPlans = Set.copyOf(foundationPlans);
    }

    boolean givesMailbox(String servicePlanId) {
        return mailboxPlans.contains(servicePlanId);
    }

    boolean isFoundation(String servicePlanId) {
        return foundationPlans.contains(servicePlanId);
    }
}
