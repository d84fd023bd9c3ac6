package io.trailcheck.model;

/**
 * Tenant-wide audit settings.
 *
 * @param id                              tenant id (or "tenant" when no export names it)
 * @param name                            display name, if given
 * @param unifiedAuditLogIngestionEnabled the Exchange Online switch; null when not exported
 * @param ingestionLocation               where that switch was read
 * @param copilotRetentionDays            how long CopilotInteraction records are kept; null when no retention export
 * @param retentionLocation               where that was read
 * @param payAsYouGoAuditing              whether Purview pay-as-you-go auditing of non-Microsoft channels is on
 *                                        (native {@code tenant.payAsYouGoAuditing}); null when no input says
 */
public record Tenant(
        String id,
        String name,
        Boolean unifiedAuditLogIngestionEnabled,
        SourceLocation ingestionLocation,
        Integer copilotRetentionDays,
        SourceLocation retentionLocation,
        Boolean payAsYouGoAuditing) {

    public EntityRef entity() {
        return EntityRef.tenant(id);
    }

}
