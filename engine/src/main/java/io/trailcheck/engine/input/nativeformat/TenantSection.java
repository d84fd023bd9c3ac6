package io.trailcheck.engine.input.nativeformat;

import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Section;

/**
 * The tenant's identity, as the native format names it.
 *
 * @param id                 tenant id, or null
 * @param name               display name, or null
 * @param payAsYouGoAuditing whether Purview pay-as-you-go auditing of non-Microsoft channels is on; null when unsaid
 */
public record TenantSection(String id, String name, Boolean payAsYouGoAuditing) implements Section {
    @Override
    public InputSection section() {
        return InputSection.TENANT;
    }

    @Override
    public int records() {
        return 0;
    }
}
