package io.trailcheck.engine.input.observations;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvReadException;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.trailcheck.engine.parse.FieldNames;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The Microsoft Purview portal's audit search export: a CSV with the JSON record in its {@code AuditData}
 * column, in the current layout ({@code RecordId,CreationDate,RecordType,Operation,UserId,AuditData,…}) or
 * the older {@code CreationDate,UserIds,Operations,AuditData}. RFC 4180 quoting (the JSON's quotes are
 * doubled) is Jackson's CSV parser's; columns are found by the header's names, so their order and any extra
 * column do not matter.
 */
public final class PurviewAuditCsvReader {
    private static final int HEADER_SNIFF_CHARS = 8192;
    private final CsvFactory csv;
    private final JsonFiles json;

    public PurviewAuditCsvReader(ParseLimits limits) {
        this.csv = CsvFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxNestingDepth())
                        .maxStringLength(limits.maxStringLength())
                        .build())
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
                .enable(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .build();
        this.json = new JsonFiles(limits);
    }

    /** Whether a {@code .csv} file is an audit export: its header names {@code AuditData} and {@code CreationDate}. */
    public static boolean isAuditExport(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".csv")) return false;
        try (Reader r = utf8(file)) {
            char[] buf = new char[HEADER_SNIFF_CHARS];
            int n = r.read(buf);
            if (n <= 0) return false;
            String head = new String(buf, 0, n);
            int nl = head.indexOf('\n');
            Set<String> columns = columns(nl < 0 ? head : head.substring(0, nl));
            return columns.contains("auditdata") && columns.contains("creationdate");
        } catch (IOException e) {
            return false;
        }
    }

    private static Set<String> columns(String headerLine) {
        Set<String> out = new java.util.HashSet<>();
        for (String c : headerLine.replace("\uFEFF", "").split(",")) out.add(c.trim().replace("\"", "").toLowerCase(Locale.ROOT));
        return out;
    }

    /** Reads every row, passing each CopilotInteraction record to {@code sink}; problems are added, never thrown. */
    public ObservationInventory read(Path file, Consumer<AuditRecord> sink, Problems problems) {
        ObservationInventory inventory = new ObservationInventory(file);
        ReadContext context = new ReadContext(file, json, problems);
        try (CsvParser p = (CsvParser) csv.createParser(utf8(file))) {
            p.setSchema(CsvSchema.emptySchema().withHeader());
            readRows(context, p, sink, inventory);
        } catch (ReadContext.TooManyProblems e) {
            context.stopped();
        } catch (CharacterCodingException e) {
            problems.add(Problem.inFile(file, "the file is not valid UTF-8 text"));
        } catch (JsonProcessingException e) {
            problems.add(JsonFiles.problem(file, e).message().startsWith("malformed JSON: ")
                    ? relabel(JsonFiles.problem(file, e)) : JsonFiles.problem(file, e));
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return inventory;
    }

    private static void readRows(ReadContext context, CsvParser p, Consumer<AuditRecord> sink,
                                 ObservationInventory inventory) throws IOException {
        boolean headerChecked = false;
        JsonToken t = p.nextToken();
        while (t != null) {
            if (t != JsonToken.START_OBJECT) {
                t = p.nextToken();
                continue;
            }
            if (!headerChecked) {
                headerChecked = true;
                if (!hasAuditColumns(p.getSchema())) {
                    context.report(io.trailcheck.model.SourceLocation.of(context.file, 1, 1),
                            "not a Purview audit export: the header needs AuditData and CreationDate columns");
                    return;
                }
            }
            try {
                readRow(context, p, sink, inventory);
                t = p.nextToken();
            } catch (CsvReadException e) {
                // a row with too many or too few cells: the parser can go on with the next row
                context.report(relabel(JsonFiles.problem(context.file, e)));
                t = nextRow(p);
            }
        }
    }

    private static void readRow(ReadContext context, CsvParser p, Consumer<AuditRecord> sink,
                                ObservationInventory inventory) throws IOException {
        // Jackson's CSV parser locates a row's first cell, not its START_OBJECT
        if (p.nextToken() != JsonToken.FIELD_NAME) return;
        AuditRecordDraft draft = new AuditRecordDraft(context, JsonFiles.here(context.file, p));
        do {
            String name = FieldNames.lower(p.currentName());
            p.nextToken();
            draft.field(name, p);
        } while (p.nextToken() == JsonToken.FIELD_NAME);
        AuditRecord r = draft.finish(AuditFormat.PURVIEW_CSV, inventory);
        if (r != null) sink.accept(r);
    }

    /** After a bad row: the next row's START_OBJECT, or the end. */
    private static JsonToken nextRow(CsvParser p) throws IOException {
        JsonToken t = p.currentToken();
        while (t != null && t != JsonToken.END_OBJECT && t != JsonToken.START_OBJECT) t = p.nextToken();
        return t == JsonToken.END_OBJECT ? p.nextToken() : t;
    }

    private static boolean hasAuditColumns(CsvSchema schema) {
        boolean auditData = false, creationDate = false;
        for (CsvSchema.Column c : schema) {
            String name = FieldNames.lower(c.getName().trim());
            auditData |= name.equals("auditdata");
            creationDate |= name.equals("creationdate");
        }
        return auditData && creationDate;
    }

    /** Jackson's CSV messages call the file JSON. */
    private static Problem relabel(Problem p) {
        return new Problem(p.file(), p.line(), p.column(), "malformed CSV: " + p.message().substring("malformed JSON: ".length()));
    }

    /** UTF-8 with or without a byte-order mark (Microsoft's own readers open the export as {@code utf-8-sig}). */
    private static Reader utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16);
        r.mark(1);
        if (r.read() != '\uFEFF') r.reset();
        return r;
    }
}
