package io.trailcheck.cli.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every character a spreadsheet takes as the start of a formula is neutralised (OWASP CSV injection). */
class CsvFormulaGuardTest {
    @Test
    void everyDangerousLeadingCharacterIsPrefixed() {
        for (String start : new String[]{"=", "+", "-", "@", "\t", "\r", "\n", "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20"}) {
            String cell = CsvReport.quote(start + "HYPERLINK(\"http://x\")");
            String unquoted = cell.startsWith("\"") ? cell.substring(1) : cell;
            assertEquals('\'', unquoted.charAt(0), "guarded: " + cell.replace("\t", "\\t").replace("\r", "\\r"));
        }
        assertEquals("plain", CsvReport.quote("plain"));
        assertEquals("\"'=1+2,3\"", CsvReport.quote("=1+2,3"));
    }
}
