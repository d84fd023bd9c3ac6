package io.trailcheck.engine.input.exchange;

import io.trailcheck.engine.input.InputKind;
import io.trailcheck.engine.input.InputSection;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;

import io.trailcheck.model.SourceLocation;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Set;

import static io.trailcheck.engine.TestSnapshots.read;
import static io.trailcheck.engine.TestSnapshots.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Get-UnifiedAuditLogRetentionPolicy | ConvertTo-Json}: the CopilotInteraction retention of the tenant. */
class AuditRetentionReaderTest {

    private static void at(SourceLocation l, Path file, int line, int column) {
        assertEquals(file, l.file(), l::toString);
        assertEquals(line, l.line(), l::toString);
        assertEquals(column, l.column(), l::toString);
    }

    @Test
    void lowestPriorityNumberAmongCoveringPoliciesWins() throws Exception {
        Path file = resource("retention/covering/auditRetentionPolicies.json");
        Snapshot s = read(file);
        // 100 TwelveMonths, 1 TenYears (user-scoped), 5 ExchangeAdmin only, 20 ThreeYears, 500 SixMonths
        assertEquals(1095, s.tenant().copilotRetentionDays());
        at(s.tenant().retentionLocation(), file, 78, 26);
        assertEquals(5, s.files().get(0).records());
        assertEquals(InputKind.AUDIT_RETENTION, s.files().get(0).kind());
        assertTrue(s.has(InputSection.AUDIT_RETENTION));
        assertTrue(s.unknownValues().isEmpty(), s.unknownValues().toString());
        assertNull(s.tenant().unifiedAuditLogIngestionEnabled(), "not in this export");
    }

    @Test
    void withoutACoveringPolicyTheDefaultApplies() throws Exception {
        Path file = resource("retention/none/auditRetentionPolicies.json");
        Snapshot s = read(file);
        // a user-scoped Copilot policy (TenYears) and policies for other record types do not count: no policy
        // decides, and the rules apply the service default (CIL007's defaultRetentionDays)
        assertNull(s.tenant().copilotRetentionDays());
        at(s.tenant().retentionLocation(), file, 1, 1);
        assertEquals(3, s.files().get(0).records());
        assertTrue(s.has(InputSection.AUDIT_RETENTION));
    }

    @Test
    void recordTypeAsItsEnumNumberCountsAsCopilotInteraction() throws Exception {
        // a single policy: ConvertTo-Json writes one object, not an array; Windows PowerShell adds a BOM
        Path file = resource("retention/record-type-number/auditRetentionPolicies.json");
        Snapshot s = read(file);
        assertEquals(365, s.tenant().copilotRetentionDays());
        at(s.tenant().retentionLocation(), file, 14, 27);
        assertEquals(1, s.files().get(0).records());
    }

    @Test
    void withoutARetentionExportNothingIsAssumed() throws Exception {
        Snapshot s = read(resource("users/export/users-1.json"));
        assertNull(s.tenant().copilotRetentionDays());
        assertNull(s.tenant().retentionLocation());
        assertFalse(s.has(InputSection.AUDIT_RETENTION));
    }

    @Test
    void emptyExportMeansNoPoliciesAndTheDefault() throws Exception {
        Path file = resource("retention/no-policies/auditRetentionPolicies.json");
        Snapshot s = read(file);
        assertNull(s.tenant().copilotRetentionDays());
        assertEquals(0, s.files().get(0).records());
    }
}
