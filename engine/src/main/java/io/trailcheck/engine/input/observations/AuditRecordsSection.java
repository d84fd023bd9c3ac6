package io.trailcheck.engine.input.observations;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

/**
 * The CopilotInteraction records of one audit export, as keys, and what the export held.
 *
 * @param keys      each record's (agent, user) keys and time
 * @param inventory records by operation and the times they span
 */
public record AuditRecordsSection(RecordKeys keys, ObservationInventory inventory) implements Section {
    @Override
    public InputSection section() {
        return InputSection.AUDIT_RECORDS;
    }

    @Override
    public int records() {
        return (int) Math.min(Integer.MAX_VALUE, inventory.read());
    }
}
