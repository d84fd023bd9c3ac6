package io.trailcheck.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a synthetic tenant's audit exports and telemetry in their real shapes, deterministic from the seed:
 * the audit records spread over Purview portal CSVs (50,000 rows each, the portal's limit), Management
 * Activity API content arrays, Graph audit-query pages and {@code Search-UnifiedAuditLog | ConvertTo-Json}
 * output; the conversations over {@code az monitor app-insights query} results (80 %), a Log Analytics
 * workspace export (10 %) and Dataverse transcripts (10 %). Each conversation has 1–11 turns; on Teams and
 * Microsoft 365 Copilot 85 % of them leave one CopilotInteraction record per turn; the rest of the records
 * are other operations (file access, sign-ins, mailbox access), filling up to {@code auditRecords}.
 */
final class ObservationGenerator {
    static final int RECORDS_PER_FILE = 50_000;
    static final int CONVERSATIONS_PER_FILE = 200_000;
    static final long BASE = Instant.parse("2026-10-01T00:00:00Z").getEpochSecond();
    static final long SPAN_SECONDS = 30L * 24 * 3600;
    static final String TENANT = "8a1f3c5e-7b9d-4f2a-8c6e-0d1b3a5c7e9f";
    private static final String[] CHANNELS = {"msteams", "m365copilot", "webchat", "directline"};
    private static final String[] FORMATS = {"csv", "activity", "csv", "graph", "activity", "csv", "graph", "powershell", "activity", "csv"};

    private final TenantShape shape;
    private int files;

    ObservationGenerator(TenantShape shape) {
        this.shape = shape;
    }

    record Conversation(int index, int agent, int user, long time, String channel, int turns, boolean recorded, boolean testPane) {
        String id() {
            return (channel.equals("msteams") ? "a:1" : "c") + Integer.toString(index, 36) + "-" + Long.toHexString(time);
        }
    }

    Conversation conversation(int i) {
        SplittableRandom r = new SplittableRandom(shape.seed() * 1_000_003L + i);
        int roll = r.nextInt(100);
        String channel = CHANNELS[roll < 60 ? 0 : roll < 85 ? 1 : roll < 95 ? 2 : 3];
        boolean testPane = r.nextInt(100) == 0;
        int turns = 1 + r.nextInt(11);
        boolean logged = channel.equals("msteams") || channel.equals("m365copilot");
        boolean recorded = !testPane && logged && r.nextInt(100) < 85;
        return new Conversation(i, r.nextInt(shape.agents()), r.nextInt(shape.users()), BASE + r.nextLong(SPAN_SECONDS),
                testPane ? "pva-studio" : channel, turns, recorded, testPane);
    }

    /** Writes {@code audit/} and {@code telemetry/} below {@code root}; returns the number of files. */
    int write(Path root) throws IOException {
        writeAudit(Files.createDirectories(root.resolve("audit")));
        writeTelemetry(Files.createDirectories(root.resolve("telemetry")));
        return files;
    }

    // ---- audit ----

    private void writeAudit(Path dir) throws IOException {
        long target = shape.auditRecords(), emitted = 0;
        int n = shape.conversations();
        try (Rotating<AuditWriter> out = new Rotating<>(RECORDS_PER_FILE, k -> auditWriter(dir, k))) {
            for (int i = 0; i < n; i++) {
                Conversation c = conversation(i);
                if (c.recorded()) {
                    for (int t = 0; t < c.turns(); t++) out.next().write(copilotRecord(c, t, emitted++));
                }
                for (long goal = target * (i + 1) / n; emitted < goal; emitted++) out.next().write(otherRecord(c, emitted));
            }
        }
    }

    private AuditWriter auditWriter(Path dir, int k) throws IOException {
        files++;
        String format = FORMATS[k % FORMATS.length];
        return switch (format) {
            case "csv" -> new CsvWriter(dir.resolve(String.format("AuditLog_%03d.csv", k)));
            case "graph" -> new GraphWriter(dir.resolve(String.format("auditRecords-graph-%03d.json", k)));
            case "powershell" -> new PowerShellWriter(dir.resolve(String.format("auditRecords-powershell-%03d.json", k)));
            default -> new ActivityWriter(dir.resolve(String.format("auditRecords-activity-%03d.json", k)));
        };
    }

    record AuditRow(String id, long time, String recordType, int recordTypeNumber, String operation, String upn,
                    String objectId, String auditData) {}

    private String recordId(long n) {
        return new UUID(0x5eed0000a0d10000L ^ shape.seed(), 0x8000000000000000L | n).toString();
    }

    private String upn(int user) {
        return "user" + user + "@contoso.example";
    }

    private AuditRow copilotRecord(Conversation c, int turn, long n) {
        String id = recordId(n), oid = TenantGenerator.userId(shape.seed(), c.user()), upn = upn(c.user());
        long time = c.time() + 40L * turn;
        String schema = TenantGenerator.agentSchema(c.agent());
        String json = "{\"CreationTime\":\"" + local(time) + "\",\"Id\":\"" + id + "\",\"Operation\":\"CopilotInteraction\","
                + "\"OrganizationId\":\"" + TENANT + "\",\"RecordType\":261,\"UserKey\":\"" + oid + "\",\"UserType\":0,\"Version\":1,"
                + "\"Workload\":\"Copilot\",\"UserId\":\"" + upn + "\",\"ClientIP\":\"203.0.113." + (c.user() % 250) + "\","
                + "\"AppIdentity\":\"Copilot.Studio.Default-" + TENANT + "-" + schema + "\","
                + "\"CopilotEventData\":{\"AppHost\":\"" + (c.channel().equals("msteams") ? "Teams" : "Copilot Studio") + "\","
                + "\"ThreadId\":\"" + c.id() + "\",\"MessageIds\":[\"" + (time * 1000) + "\"],"
                + "\"Messages\":[{\"Id\":\"" + (time * 1000) + "\",\"isPrompt\":true},{\"Id\":\"" + (time * 1000 + 1500) + "\",\"isPrompt\":false}],"
                + "\"Contexts\":[{\"Id\":\"https:\\/\\/contoso.sharepoint.com\\/sites\\/" + schema + "\",\"Type\":\"SharePointSite\"}],"
                + "\"AccessedResources\":[],\"AISystemPlugin\":[],\"ModelTransparencyDetails\":[]},"
                + "\"ClientRegion\":\"weu\",\"CopilotLogVersion\":\"1.0.0.0\"}";
        return new AuditRow(id, time, "CopilotInteraction", 261, "CopilotInteraction", upn, oid, json);
    }

    private static final String[][] OTHER = {{"FileAccessed", "6", "SharePointFileOperation", "SharePoint"},
            {"UserLoggedIn", "15", "AzureActiveDirectoryStsLogon", "AzureActiveDirectory"},
            {"MailItemsAccessed", "50", "ExchangeItemAggregated", "Exchange"}};

    private AuditRow otherRecord(Conversation c, long n) {
        String[] kind = OTHER[(int) (n % OTHER.length)];
        String id = recordId(n), oid = TenantGenerator.userId(shape.seed(), c.user()), upn = upn(c.user());
        long time = c.time() + 600 + n % 600;
        String json = "{\"CreationTime\":\"" + local(time) + "\",\"Id\":\"" + id + "\",\"Operation\":\"" + kind[0] + "\","
                + "\"OrganizationId\":\"" + TENANT + "\",\"RecordType\":" + kind[1] + ",\"ResultStatus\":\"Succeeded\","
                + "\"UserKey\":\"" + oid + "\",\"UserType\":0,\"Version\":1,\"Workload\":\"" + kind[3] + "\",\"UserId\":\"" + upn + "\","
                + "\"ClientIP\":\"203.0.113." + (c.user() % 250) + "\",\"ObjectId\":\"https:\\/\\/contoso.sharepoint.com\\/sites\\/team"
                + (c.user() % 100) + "\\/Shared Documents\\/report-" + n % 1000 + ".docx\"}";
        return new AuditRow(id, time, kind[2], Integer.parseInt(kind[1]), kind[0], upn, oid, json);
    }

    private static String local(long epochSecond) {
        return LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.UTC).toString();
    }

    private static String utc(long epochSecond) {
        return Instant.ofEpochSecond(epochSecond).toString();
    }

    /** A JSON string literal; the generated values hold no control characters. */
    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    interface AuditWriter extends AutoCloseable {
        void write(AuditRow row) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static Writer open(Path file) throws IOException {
        return new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The portal export: BOM, CRLF, quoted ISO dates with seven fractional digits and a trailing space. */
    private static final class CsvWriter implements AuditWriter {
        private final Items rows;

        CsvWriter(Path file) throws IOException {
            rows = new Items(file, "\uFEFFRecordId,CreationDate,RecordType,Operation,UserId,AuditData,AssociatedAdminUnits,AssociatedAdminUnitsNames\r\n", "", "");
        }

        @Override
        public void write(AuditRow r) throws IOException {
            rows.add(r.id() + ",\"" + utc(r.time()).replace("Z", ".0000000Z ") + "\"," + r.recordType() + "," + r.operation() + ","
                    + r.upn() + ",\"" + r.auditData().replace("\"", "\"\"") + "\",,\r\n");
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** A Management Activity API content blob: one line, an array of AuditData records. */
    private static final class ActivityWriter implements AuditWriter {
        private final Items records;

        ActivityWriter(Path file) throws IOException {
            records = new Items(file, "[", ",", "]");
        }

        @Override
        public void write(AuditRow r) throws IOException {
            records.add(r.auditData());
        }

        @Override
        public void close() throws IOException {
            records.close();
        }
    }

    /** Graph {@code security/auditLog/queries/{id}/records}: an array of pages of 1,000, each with its next link. */
    private static final class GraphWriter implements AuditWriter {
        private static final String QUERY = "https://graph.microsoft.com/v1.0/security/auditLog/queries/0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e";
        private final Pages pages;

        GraphWriter(Path file) throws IOException {
            pages = new Pages(file, 1000, "https://graph.microsoft.com/v1.0/$metadata#security/auditLog/queries('0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e')/records",
                    QUERY + "/records?$skiptoken=");
        }

        @Override
        public void write(AuditRow r) throws IOException {
            pages.item("{\"id\":\"" + r.id() + "\",\"createdDateTime\":\"" + utc(r.time())
                    + "\",\"auditLogRecordType\":\"" + Character.toLowerCase(r.recordType().charAt(0)) + r.recordType().substring(1)
                    + "\",\"operation\":\"" + r.operation() + "\",\"organizationId\":\"" + TENANT + "\",\"userType\":\"regular\",\"userId\":\""
                    + r.objectId() + "\",\"service\":null,\"objectId\":null,\"userPrincipalName\":\"" + r.upn()
                    + "\",\"clientIp\":\"203.0.113.1\",\"administrativeUnits\":[],\"auditData\":" + r.auditData() + "}");
        }

        @Override
        public void close() throws IOException {
            pages.close();
        }
    }

    /** One file of items between a head and a tail, joined by a separator. */
    private static final class Items {
        private final Writer w;
        private final String separator, tail;
        private boolean first = true;

        Items(Path file, String head, String separator, String tail) throws IOException {
            this.w = open(file);
            this.separator = separator;
            this.tail = tail;
            w.write(head);
        }

        void add(String item) throws IOException {
            if (!first) w.write(separator);
            first = false;
            w.write(item);
        }

        void close() throws IOException {
            w.write(tail);
            w.close();
        }
    }

    /** A JSON array of OData response pages of {@code size} records, each but the last with its {@code @odata.nextLink}. */
    private static final class Pages {
        private final Writer w;
        private final int size;
        private final String context, nextLink;
        private int inPage, pages;

        Pages(Path file, int size, String context, String nextLink) throws IOException {
            this.w = open(file);
            this.size = size;
            this.context = context;
            this.nextLink = nextLink;
            w.write("[\n");
        }

        void item(String json) throws IOException {
            if (inPage == size) endPage(true);
            if (inPage == 0) w.write((pages > 0 ? ",\n" : "") + "{\"@odata.context\":\"" + context + "\",\"value\":[\n");
            w.write((inPage > 0 ? ",\n" : "") + json);
            inPage++;
        }

        private void endPage(boolean more) throws IOException {
            w.write("]" + (more ? ",\"@odata.nextLink\":\"" + nextLink + pages + "\"" : "") + "}");
            pages++;
            inPage = 0;
        }

        void close() throws IOException {
            if (inPage > 0 || pages == 0) {
                if (inPage == 0) w.write("{\"value\":[");
                endPage(false);
            }
            w.write("\n]\n");
            w.close();
        }
    }

    /** {@code Search-UnifiedAuditLog -ResultSize 5000 | ConvertTo-Json}: AuditData as text, PowerShell 7 dates. */
    private static final class PowerShellWriter implements AuditWriter {
        private final Items objects;
        private int index;

        PowerShellWriter(Path file) throws IOException {
            objects = new Items(file, "[\n", ",\n", "\n]\n");
        }

        @Override
        public void write(AuditRow r) throws IOException {
            index++;
            objects.add("  {\n    \"RunspaceId\": \"2f4e6a8c-0b1d-4e3f-9a5c-7e9b1d3f5a7c\",\n    \"RecordType\": \""
                    + r.recordType() + "\",\n    \"CreationDate\": \"" + local(r.time()) + "\",\n    \"UserIds\": \"" + r.upn()
                    + "\",\n    \"Operations\": \"" + r.operation() + "\",\n    \"AuditData\": " + quote(r.auditData())
                    + ",\n    \"ResultIndex\": " + index + ",\n    \"ResultCount\": " + RECORDS_PER_FILE + ",\n    \"Identity\": \"" + r.id()
                    + "\",\n    \"IsValid\": true,\n    \"ObjectState\": \"Unchanged\"\n  }");
        }

        @Override
        public void close() throws IOException {
            objects.close();
        }
    }

    // ---- telemetry ----

    private void writeTelemetry(Path dir) throws IOException {
        try (Rotating<TelemetryWriter> insights = new Rotating<>(CONVERSATIONS_PER_FILE, k -> {
                 files++;
                 return new QueryWriter(dir.resolve(String.format("appInsights-%03d.json", k)));
             });
             Rotating<TelemetryWriter> workspace = new Rotating<>(CONVERSATIONS_PER_FILE, k -> {
                 files++;
                 return new WorkspaceWriter(dir.resolve(String.format("appInsights-workspace-%03d.json", k)));
             });
             Rotating<TelemetryWriter> transcripts = new Rotating<>(CONVERSATIONS_PER_FILE, k -> {
                 files++;
                 return new TranscriptWriter(dir.resolve(String.format("conversationtranscripts-%03d.json", k)));
             })) {
            for (int i = 0; i < shape.conversations(); i++) {
                Conversation c = conversation(i);
                Rotating<TelemetryWriter> out = i % 10 == 0 ? transcripts : i % 10 == 1 ? workspace : insights;
                out.next().write(c, this);
            }
        }
    }

    String userOf(Conversation c) {
        if (c.channel().equals("webchat")) return null;
        if (c.channel().equals("directline")) return "dl_" + Integer.toHexString(c.index());
        return TenantGenerator.userId(shape.seed(), c.user());
    }

    interface TelemetryWriter extends AutoCloseable {
        void write(Conversation c, ObservationGenerator g) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static String dimensions(Conversation c, String from, String type) {
        return "{\"type\":\"" + type + "\",\"channelId\":\"" + c.channel() + "\",\"conversationId\":\"" + c.id() + "\","
                + (from == null ? "" : "\"fromId\":\"" + from + "\",") + "\"locale\":\"en-US\",\"designMode\":\""
                + (c.testPane() ? "True" : "False") + "\"}";
    }

    /** {@code az monitor app-insights query -o json}: one table, customDimensions as JSON text. */
    private static final class QueryWriter implements TelemetryWriter {
        private final Items rows;

        QueryWriter(Path file) throws IOException {
            rows = new Items(file, "{\n  \"tables\": [\n    {\n      \"columns\": [\n"
                    + "        {\"name\": \"timestamp\", \"type\": \"datetime\"},\n        {\"name\": \"name\", \"type\": \"string\"},\n"
                    + "        {\"name\": \"customDimensions\", \"type\": \"dynamic\"},\n        {\"name\": \"cloud_RoleName\", \"type\": \"string\"},\n"
                    + "        {\"name\": \"cloud_RoleInstance\", \"type\": \"string\"},\n        {\"name\": \"session_Id\", \"type\": \"string\"},\n"
                    + "        {\"name\": \"itemType\", \"type\": \"string\"}\n      ],\n      \"name\": \"PrimaryResult\",\n      \"rows\": [\n", ",\n", "\n      ]\n    }\n  ]\n}\n");
        }

        @Override
        public void write(Conversation c, ObservationGenerator g) throws IOException {
            String agent = TenantGenerator.agentSchema(c.agent()), user = g.userOf(c);
            row(c, c.time(), "BotMessageReceived", dimensions(c, user, "message"), agent);
            row(c, c.time() + 2, "BotMessageSend", dimensions(c, "bot-" + agent, "message"), agent);
            if (c.turns() > 1) row(c, c.time() + 40, "BotMessageReceived", dimensions(c, user, "message"), agent);
        }

        private void row(Conversation c, long time, String name, String dims, String agent) throws IOException {
            rows.add("        [\"" + utc(time).replace("Z", ".1230000Z") + "\", \"" + name + "\", " + quote(dims)
                    + ", \"Microsoft Copilot Studio\", \"" + agent + "\", \"" + c.id() + "\", \"customEvent\"]");
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** {@code az monitor log-analytics query -o json} on AppEvents: an array of rows, every value text. */
    private static final class WorkspaceWriter implements TelemetryWriter {
        private final Items rows;

        WorkspaceWriter(Path file) throws IOException {
            rows = new Items(file, "[\n", ",\n", "\n]\n");
        }

        @Override
        public void write(Conversation c, ObservationGenerator g) throws IOException {
            String agent = TenantGenerator.agentSchema(c.agent());
            row(c, c.time(), "BotMessageReceived", dimensions(c, g.userOf(c), "message"), agent);
            row(c, c.time() + 2, "BotMessageSend", dimensions(c, "bot-" + agent, "message"), agent);
        }

        private void row(Conversation c, long time, String name, String dims, String agent) throws IOException {
            rows.add("  {\"TenantId\": \"" + TENANT + "\", \"TimeGenerated\": \"" + utc(time) + "\", \"Name\": \"" + name
                    + "\", \"Properties\": " + quote(dims) + ", \"Measurements\": \"\", \"AppRoleName\": \"Microsoft Copilot Studio\", "
                    + "\"AppRoleInstance\": \"" + agent + "\", \"SessionId\": \"" + c.id() + "\", \"UserId\": \"\", \"ItemCount\": \"1\", "
                    + "\"TableName\": \"PrimaryResult\"}");
        }

        @Override
        public void close() throws IOException {
            rows.close();
        }
    }

    /** Dataverse {@code conversationtranscripts}: pages of 500 rows; content and metadata as JSON text. */
    private static final class TranscriptWriter implements TelemetryWriter {
        private final Pages pages;

        TranscriptWriter(Path file) throws IOException {
            pages = new Pages(file, 500, "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#conversationtranscripts",
                    "https://contoso.crm.dynamics.com/api/data/v9.2/conversationtranscripts?$skiptoken=");
        }

        @Override
        public void write(Conversation c, ObservationGenerator g) throws IOException {
            String schema = TenantGenerator.agentSchema(c.agent());
            String bot = UUID.nameUUIDFromBytes(schema.getBytes(StandardCharsets.UTF_8)).toString();
            String user = g.userOf(c);
            String from = "{\"id\":\"29:1" + Integer.toHexString(c.index()) + "\"" + (user != null && !user.startsWith("dl_") ? ",\"aadObjectId\":\"" + user + "\"" : "") + ",\"role\":1}";
            String content = "{\"activities\":[{\"valueType\":\"ConversationInfo\",\"id\":\"i0\",\"type\":\"trace\",\"timestamp\":" + c.time()
                    + ",\"from\":{\"id\":\"" + bot + "\",\"role\":0},\"conversation\":{\"id\":\"" + c.id() + "\"},\"channelId\":\"" + c.channel()
                    + "\",\"value\":{\"isDesignMode\":" + c.testPane() + ",\"locale\":\"en-US\"}},"
                    + "{\"id\":\"m1\",\"type\":\"message\",\"timestamp\":" + c.time() + ",\"from\":" + from + ",\"conversation\":{\"id\":\"" + c.id()
                    + "\"},\"channelId\":\"" + c.channel() + "\",\"text\":\"When is the next pay day?\"},"
                    + "{\"id\":\"m2\",\"type\":\"message\",\"timestamp\":" + (c.time() + 3) + ",\"from\":{\"id\":\"" + bot + "\",\"role\":0},\"replyToId\":\"m1\","
                    + "\"conversation\":{\"id\":\"" + c.id() + "\"},\"channelId\":\"" + c.channel() + "\",\"text\":\"On the 25th.\"}]}";
            String metadata = "{\"BotId\":\"" + bot + "\",\"AADTenantId\":\"" + TENANT + "\",\"BotName\":\"" + schema + "\",\"BatchId\":null}";
            pages.item("{\"@odata.etag\":\"W/\\\"" + (1000 + c.index()) + "\\\"\",\"conversationtranscriptid\":\""
                    + new UUID(0x7a9b000000004000L, 0x8000000000000000L | c.index()) + "\",\"name\":\"" + c.id() + "_" + bot
                    + "\",\"conversationstarttime\":\"" + utc(c.time()) + "\",\"content\":" + quote(content) + ",\"metadata\":" + quote(metadata)
                    + ",\"schematype\":\"powervirtualagents\",\"schemaversion\":\"1.1.0\",\"_bot_conversationtranscriptid_value\":\"" + bot
                    + "\",\"createdon\":\"" + utc(c.time() + 1800) + "\",\"statecode\":0}");
        }

        @Override
        public void close() throws IOException {
            pages.close();
        }
    }

    /** Hands out the current file's writer, starting the next file every {@code perFile} items. */
    private static final class Rotating<W extends AutoCloseable> implements AutoCloseable {
        interface Opener<W> {
            W open(int index) throws IOException;
        }

        private final int perFile;
        private final Opener<W> opener;
        private W current;
        private int inFile, index;

        Rotating(int perFile, Opener<W> opener) {
            this.perFile = perFile;
            this.opener = opener;
        }

        W next() throws IOException {
            if (current == null || inFile == perFile) {
                close();
                current = opener.open(index++);
                inFile = 0;
            }
            inFile++;
            return current;
        }

        @Override
        public void close() throws IOException {
            if (current == null) return;
            try {
                current.close();
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
            current = null;
        }
    }
}
