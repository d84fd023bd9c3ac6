package io.trailcheck.model;

/**
 * A reference the snapshot cannot resolve: an authorised group with no membership export, or a licence
 * SKU missing from subscribedSkus.
 *
 * @param kind        "group" or "sku"
 * @param key         the referenced id
 * @param referrer    who refers to it (an agent, or the first user holding the licence)
 * @param referrers   how many entities refer to it
 * @param location    where the reference was read
 */
public record UnresolvedReference(String kind, String key, String referrer, int referrers, SourceLocation location) {
}
