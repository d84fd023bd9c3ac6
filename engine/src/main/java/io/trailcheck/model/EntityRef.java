package io.trailcheck.model;

/**
 * What a finding is about: a kind (agent, tenant, channel, group, sku, exemption, …) and a key that is
 * stable across exports (schema name, tenant id, group id). Fingerprints are derived from it.
 */
public record EntityRef(String kind, String key) implements Comparable<EntityRef> {

    public static EntityRef agent(String schemaName) {
        return new EntityRef("agent", schemaName);
    }

    public static EntityRef tenant(String tenantId) {
        return new EntityRef("tenant", tenantId == null ? "tenant" : tenantId);
    }

    @Override
    public int compareTo(EntityRef o) {
        int c = kind.compareTo(o.kind);
        return c != 0 ? c : key.compareTo(o.key);
    }

    @Override
    public String toString() {
        return kind + ":" + key;
    }
}
