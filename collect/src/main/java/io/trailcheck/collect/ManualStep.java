package io.trailcheck.collect;

import java.util.List;

/**
 * A file no supported REST API gives: the settings only an Exchange Online or Security &amp; Compliance cmdlet
 * returns. Listed at the end of a collection with the exact command; until the file is there, scan reports the
 * rules that need it as not evaluated.
 */
public record ManualStep(String file, String shell, String command, String why) {
    public static final List<ManualStep> ALWAYS = List.of(
            new ManualStep("exchange/adminAuditLogConfig.json", "Exchange Online PowerShell (Connect-ExchangeOnline)",
                    "Get-AdminAuditLogConfig | ConvertTo-Json > exchange/adminAuditLogConfig.json",
                    "UnifiedAuditLogIngestionEnabled has no Graph or other documented REST API"),
            new ManualStep("exchange/auditRetentionPolicies.json", "Security & Compliance PowerShell (Connect-IPPSSession)",
                    "Get-UnifiedAuditLogRetentionPolicy | ConvertTo-Json -Depth 5 > exchange/auditRetentionPolicies.json",
                    "audit log retention policies have no Graph or other documented REST API"));

    public String render() {
        return file + "  (" + why + ")\n      in " + shell + ":\n      " + command;
    }
}
