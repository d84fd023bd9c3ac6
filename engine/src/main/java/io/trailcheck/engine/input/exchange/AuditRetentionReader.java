package io.trailcheck.engine.input.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.input.CollectionReader;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.model.EntityRef;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.UnknownValue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code Get-UnifiedAuditLogRetentionPolicy | ConvertTo-Json} (Security &amp; Compliance PowerShell). The
 * tenant-wide retention of CopilotInteraction records is that of the highest-priority enabled policy
 * covering the record type (or the Copilot workload) for every user; without one, the service default
 * applies (the rules know it).
 */
public final class AuditRetentionReader {
    /** RecordType CopilotInteraction, as ConvertTo-Json writes the enum without -EnumsAsStrings. */
    private static final String COPILOT_RECORD_TYPE_NUMBER = "261";

    private final CollectionReader collection;

    public AuditRetentionReader(GraphCollection collection) {
        this.collection = new CollectionReader(collection);
    }

    /** The policy deciding the retention so far, and the durations that could not be read. */
    private static final class Decision {
        int bestPriority = Integer.MAX_VALUE;
        Integer days;
        SourceLocation location;
        final List<UnknownValue> unknown = new ArrayList<>();
    }

    /** A tenant without retention policies exports an empty file: ConvertTo-Json prints nothing for no input. */
    public RetentionSection read(Path file, Problems problems) {
        Decision decision = new Decision();
        int count = CollectionReader.isBlank(file) ? 0
                : collection.read(file, problems, counted -> records(file, problems, decision, counted));
        SourceLocation at = decision.location == null ? SourceLocation.startOf(file) : decision.location;
        return new RetentionSection(decision.days, at, decision.unknown, count);
    }

    private static final class Draft {
        final SourceLocation at;
        String name, duration;
        SourceLocation durationAt;
        Integer priority;
        /** Limited to some users or some operations: it does not set the retention of every record. */
        boolean coversCopilot, scopedToUsers, disabled;

        Draft(SourceLocation at) {
            this.at = at;
        }
    }

    private static RecordReader<?> records(Path file, Problems problems, Decision decision, Runnable counted) {
        JsonValues values = new JsonValues(file, problems);
        return RecordReader.of(Draft::new, (Draft d, String name, JsonParser p) -> {
            switch (name.toLowerCase(Locale.ROOT)) {
                case "name" -> d.name = values.scalar(p, name);
                case "retentionduration" -> {
                    d.durationAt = JsonFiles.here(file, p);
                    d.duration = values.scalar(p, name);
                }
                case "priority" -> d.priority = integer(values.scalar(p, name));
                case "recordtypes", "workloads", "workload" -> d.coversCopilot |= mentionsCopilot(texts(p, values, name));
                case "userids", "operations" -> d.scopedToUsers |= !texts(p, values, name).isEmpty();
                case "enabled" -> d.disabled = Boolean.FALSE.equals(values.bool(p, name));
                default -> JsonValues.skip(p);
            }
        }, d -> {
            counted.run();
            if (!d.coversCopilot || d.scopedToUsers || d.disabled) return;
            Integer days = RetentionDuration.days(d.duration);
            if (days == null) {
                decision.unknown.add(new UnknownValue(EntityRef.tenant(null), "RetentionDuration",
                        String.valueOf(d.duration), d.durationAt == null ? d.at : d.durationAt));
                return;
            }
            int priority = d.priority == null ? Integer.MAX_VALUE - 1 : d.priority;
            if (priority < decision.bestPriority) {
                decision.bestPriority = priority;
                decision.days = days;
                decision.location = d.durationAt;
            }
        });
    }

    private static List<String> texts(JsonParser p, JsonValues values, String name) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() == JsonToken.START_ARRAY) {
            while (p.nextToken() != JsonToken.END_ARRAY) {
                String v = values.scalar(p, name + "[]");
                if (v != null) out.add(v);
            }
        } else {
            String v = values.scalar(p, name);
            if (v != null && !v.isBlank()) out.add(v);
        }
        return out;
    }

    private static boolean mentionsCopilot(List<String> values) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase("CopilotInteraction") || v.equalsIgnoreCase("Copilot")
                || v.equals(COPILOT_RECORD_TYPE_NUMBER));
    }

    private static Integer integer(String s) {
        try {
            return s == null ? null : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
