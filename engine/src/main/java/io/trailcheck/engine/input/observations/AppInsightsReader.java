package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.RecordReader;
import io.trailcheck.engine.problem.Problems;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * {@code appInsights*.json}: Copilot Studio telemetry events, as {@code az monitor app-insights query -o json}
 * writes them ({@code {"tables":[{"name","columns":[{"name","type"}],"rows":[[…]]}]}}, rows streamed one by
 * one) or as a Log Analytics workspace export writes them (an array of row objects, every value possibly
 * text). Each conversation is passed on once, at its first {@code BotMessageReceived} event.
 */
public final class AppInsightsReader {
    private final ObservationFiles files;

    public AppInsightsReader(ParseLimits limits) {
        this.files = new ObservationFiles(limits);
    }

    public ObservationInventory read(Path file, DistinctConversations seen, Consumer<ObservedConversation> sink,
                                     Problems problems) {
        ObservationInventory inventory = new ObservationInventory(file);
        files.read(file, problems, context -> RecordReader.of(
                at -> new TelemetryEventDraft(context, at),
                (draft, name, p) -> {
                    if (name.equals("tables")) {
                        draft.queryResult = true;
                        readTables(context, p, inventory, seen, sink);
                    } else {
                        draft.field(FieldNames.lower(name), p);
                    }
                },
                draft -> {
                    if (!draft.queryResult) emit(draft.finish(ConversationFormat.LOG_ANALYTICS_EXPORT, inventory, seen), sink);
                }));
        return inventory;
    }

    private static void emit(ObservedConversation c, Consumer<ObservedConversation> sink) {
        if (c != null) sink.accept(c);
    }

    /** The query result's tables; the parser is on the {@code tables} value. */
    private static void readTables(ReadContext context, JsonParser p, ObservationInventory inventory,
                                   DistinctConversations seen, Consumer<ObservedConversation> sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            context.report(p, "\"tables\": expected an array of tables");
            p.skipChildren();
            return;
        }
        while (p.nextToken() == JsonToken.START_OBJECT) {
            List<String> columns = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = FieldNames.lower(p.currentName());
                p.nextToken();
                if (name.equals("columns")) {
                    columns = columns(context, p);
                } else if (name.equals("rows")) {
                    if (columns == null) {
                        context.report(p, "\"rows\" come before \"columns\": cannot tell the cells apart");
                        p.skipChildren();
                    } else {
                        rows(context, p, columns, inventory, seen, sink);
                    }
                } else {
                    p.skipChildren();
                }
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            context.report(p, "\"tables\": expected table objects");
            p.skipChildren();
        }
    }

    private static List<String> columns(ReadContext context, JsonParser p) throws IOException {
        List<String> out = new ArrayList<>();
        if (p.currentToken() != JsonToken.START_ARRAY) {
            context.report(p, "\"columns\": expected an array");
            p.skipChildren();
            return out;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            String column = null;
            if (p.currentToken() == JsonToken.START_OBJECT) {
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = FieldNames.lower(p.currentName());
                    p.nextToken();
                    if (name.equals("name")) column = context.text(p, "columns[].name");
                    else p.skipChildren();
                }
            } else {
                p.skipChildren();
            }
            if (column == null) context.report(p, "\"columns\": a column without a name");
            out.add(column == null ? "" : FieldNames.lower(column));
        }
        return out;
    }

    private static void rows(ReadContext context, JsonParser p, List<String> columns, ObservationInventory inventory,
                             DistinctConversations seen, Consumer<ObservedConversation> sink) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            context.report(p, "\"rows\": expected an array of rows");
            p.skipChildren();
            return;
        }
        while (p.nextToken() != JsonToken.END_ARRAY) {
            if (p.currentToken() != JsonToken.START_ARRAY) {
                context.report(p, "\"rows\": expected each row to be an array of cells");
                p.skipChildren();
                continue;
            }
            TelemetryEventDraft draft = new TelemetryEventDraft(context, JsonFiles.here(context.file, p));
            int cell = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (cell < columns.size()) draft.field(columns.get(cell), p);
                else p.skipChildren();
                cell++;
            }
            if (cell != columns.size()) {
                context.report(draft.at, "the row has " + cell + " cells for " + columns.size() + " columns");
                continue;
            }
            emit(draft.finish(ConversationFormat.APP_INSIGHTS_QUERY, inventory, seen), sink);
        }
    }
}
