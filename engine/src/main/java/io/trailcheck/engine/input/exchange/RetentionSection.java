package io.trailcheck.engine.input.exchange;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.UnknownValue;

import java.util.List;

/**
 * How long the tenant keeps CopilotInteraction records, as its retention export says.
 *
 * @param days     the retention of the policy that decides it, or null when no policy covers every Copilot record
 *                 (the service default then applies: the rules know it)
 * @param location where that is written (the file, when no policy decides it)
 * @param unknown  durations the export gives that trailcheck cannot read
 * @param records  policies read
 */
public record RetentionSection(Integer days, SourceLocation location, List<UnknownValue> unknown, int records)
        implements Section {
    @Override
    public InputSection section() {
        return InputSection.AUDIT_RETENTION;
    }
}
