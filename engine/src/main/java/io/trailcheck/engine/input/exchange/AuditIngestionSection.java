package io.trailcheck.engine.input.exchange;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;
import io.trailcheck.model.SourceLocation;

/**
 * The tenant's {@code UnifiedAuditLogIngestionEnabled} switch and where it is written.
 *
 * @param enabled  the switch
 * @param location its line
 */
public record AuditIngestionSection(boolean enabled, SourceLocation location) implements Section {
    @Override
    public InputSection section() {
        return InputSection.AUDIT_CONFIG;
    }

    @Override
    public int records() {
        return 1;
    }
}
