package io.trailcheck.engine.input.observations;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one audit or telemetry file held: its format, every record or event counted by operation (or event
 * name), how many were taken (CopilotInteraction records, or conversations), and the time ranges of both.
 */
public final class ObservationInventory {
    private final Path file;
    private String format;
    private final Map<String, Long> byOperation = new TreeMap<>();
    private final TimeSpan all = new TimeSpan();
    private final TimeSpan taken = new TimeSpan();
    private long read, takenCount;

    public ObservationInventory(Path file) {
        this.file = file;
    }

    void format(String description) {
        if (format == null) format = description;
    }

    void counted(String operation, java.time.Instant time) {
        read++;
        byOperation.merge(operation == null ? "(none)" : operation, 1L, Long::sum);
        all.include(time);
    }

    void taken(java.time.Instant time) {
        takenCount++;
        taken.include(time);
    }

    public Path file() {
        return file;
    }

    /** The export format, as a description; null when the file held no record. */
    public String format() {
        return format;
    }

    /** Records (audit) or events (telemetry) read, of every kind. */
    public long read() {
        return read;
    }

    /** CopilotInteraction records, or distinct conversations, passed on. */
    public long taken() {
        return takenCount;
    }

    public Map<String, Long> byOperation() {
        return Collections.unmodifiableMap(byOperation);
    }

    /** The time range of every record or event read: what the export covers. */
    public TimeSpan span() {
        return all;
    }

    /** The time range of what was passed on. */
    public TimeSpan takenSpan() {
        return taken;
    }
}
