package io.trailcheck.engine.directory;

import java.util.Set;

/**
 * A subscribed SKU as {@code subscribedSkus} gives it.
 *
 * @param skuId          the SKU id (lower case)
 * @param partNumber     skuPartNumber, for people
 * @param servicePlanIds every servicePlanId it contains (lower case)
 */
public record Sku(String skuId, String partNumber, Set<String> servicePlanIds) {
    public Sku {
        servicePlanIds = Set.copyOf(servicePlanIds);
    }
}
