package io.trailcheck.engine.directory;

import java.util.Set;

/**
 * A subscribed SKU reduced to what mailbox derivation needs.
 *
 * @param skuId         the SKU id (lower case)
 * @param partNumber    skuPartNumber, for people
 * @param mailboxPlans  the mailbox-granting servicePlanIds it contains (lower case)
 * @param hasFoundation whether it contains an Exchange Foundation plan
 */
public record Sku(String skuId, String partNumber, Set<String> mailboxPlans, boolean hasFoundation) {
    public Sku {
        mailboxPlans = Set.copyOf(mailboxPlans);
    }
}
