package io.trailcheck.engine.input.observations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ExportTimesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2026-11-02T09:14:05                | 2026-11-02T09:14:05Z",     // AuditData CreationTime: no zone
            "'2026-01-24T06:54:24.0000000Z '    | 2026-01-24T06:54:24Z",     // Purview CSV, trailing space
            "2026-11-02T09:14:05.123+01:00      | 2026-11-02T08:14:05.123Z",
            "2026-11-02 09:14:05                | 2026-11-02T09:14:05Z",
            "11/2/2026 9:14:05 AM               | 2026-11-02T09:14:05Z",     // older Purview export, US locale
            "11/2/2026 4:05:00 PM               | 2026-11-02T16:05:00Z",
            "12/13/2023 17:12                   | 2023-12-13T17:12:00Z",     // Microsoft's doc example
            "\\/Date(1793610845000)\\/           | 2026-11-02T09:14:05Z",     // Windows PowerShell 5.1
            "/Date(1793610845000)/              | 2026-11-02T09:14:05Z",
            "1793610845                         | 2026-11-02T09:14:05Z",     // transcript epoch seconds
            "1793610845000                      | 2026-11-02T09:14:05Z",     // or milliseconds
            "2026-11-02T13:20:00.4410000Z       | 2026-11-02T13:20:00.441Z", // App Insights
            "2026-11-02T09:14:05.123456789      | 2026-11-02T09:14:05.123456789Z",
    })
    void readsEveryExportFormatAsUtc(String text, String expected) {
        assertEquals(Instant.parse(expected), ExportTimes.parse(text.replace("\\/", "/").replace("\\", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yesterday", "2026-13-40T00:00:00", "2026-02-30T00:00:00Z",
            "2026-11-02T25:00:00", "31/12/2026 10:00", "12345"})
    void rejectsWhatIsNoTime(String text) {
        assertNull(ExportTimes.parse(text));
    }
}
