package io.trailcheck.engine.directory;

import java.util.List;

/**
 * A distinct combination of assigned licences. Tenants have millions of users but few combinations, so
 * users share profiles and mailbox derivation runs once per profile.
 *
 * @param licences the assigned licences, or null when assignedLicenses was not exported
 */
public record LicenceProfile(List<Licence> licences) {
    public static final LicenceProfile NOT_EXPORTED = new LicenceProfile(null);

    public LicenceProfile {
        licences = licences == null ? null : List.copyOf(licences);
    }

    public boolean isExported() {
        return licences != null;
    }
}
