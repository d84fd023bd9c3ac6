package io.trailcheck.engine.input;

import java.nio.file.Path;

/**
 * A recognised input and what was read from it.
 *
 * @param file    the file
 * @param kind    what it was read as
 * @param records how many records (agents, users, groups, SKUs, members, settings) it held
 * @param from    for audit and telemetry exports, the time of the first record or event (ISO instant); else null
 * @param to      the time of the last one; else null
 */
public record InputFile(Path file, InputKind kind, int records, String from, String to) {
    public InputFile(Path file, InputKind kind, int records) {
        this(file, kind, records, null, null);
    }

    /** "2026-11-01T00:05:00Z – 2026-11-06T23:50:00Z", or null for an input without times. */
    public String timeRange() {
        return from == null ? null : from + " – " + to;
    }
}
