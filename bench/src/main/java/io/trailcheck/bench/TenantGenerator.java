package io.trailcheck.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * Writes a synthetic tenant in the real export formats: Graph users pages, subscribedSkus, groups and
 * transitive group members, Dataverse bots.json, agent workspaces, and the audit configuration. The mix is
 * realistic (licence kinds, disabled plans, assignment errors, guests, disabled accounts, nested and large
 * groups, agents open to the whole tenant and agents restricted to groups) and deterministic from the seed.
 * With observations, it also writes audit exports and telemetry ({@link ObservationGenerator}).
 */
public final class TenantGenerator {
    static final String E3 = "05e9a617-0261-4cee-bb44-138d3ef5d965";
    static final String APPS = "c2273bd0-dff7-4215-9ef5-2c7bcfb06425";
    static final String F1 = "44575883-256e-4a79-9da4-ebe9acabe2b2";
    static final String EXO1 = "4b9405b0-7788-4568-add1-99614e613b69";
    static final String ENTRA_P1 = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    static final String EXCHANGE_ENTERPRISE = "efb87545-963c-4e0d-99df-69c6916d9eb0";
    static final String EXCHANGE_STANDARD = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";
    static final String FOUNDATION = "113feb6c-3fe4-4440-bddc-54d774bf0318";
    /** Non-Exchange plans every E3 user also carries (SharePoint, Teams, Office, …): realistic parse cost. */
    static final String[] OTHER_PLANS = {"5dbe027f-2339-4123-9542-606e4d348a72", "57ff2da0-773e-42df-b2af-ffb7a2317929",
            "43de0ff5-c92c-492b-9116-175376d08c38", "e95bec33-7c88-4a70-8e19-b10bd9d0c014", "b737dad2-2f6c-4c65-90e3-ca563267e8b9",
            "0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "8c7d2df8-86f0-4902-b2ed-a0458298f3b3", "9e700747-8b1d-45e5-ab8d-ef187ceec156"};
    static final int PAGE = 999;
    static final int USERS_PER_FILE = 100_000;

    private static final JsonFactory JSON = new JsonFactory();
    private final TenantShape shape;

    public TenantGenerator(TenantShape shape) {
        this.shape = shape;
    }

    /** Writes the tenant below {@code root}; returns the number of files written. */
    public int write(Path root) throws IOException {
        Files.createDirectories(root.resolve("graph/group-members"));
        Files.createDirectories(root.resolve("agents"));
        Files.createDirectories(root.resolve("dataverse"));
        Files.createDirectories(root.resolve("exchange"));
        int files = writeUsers(root.resolve("graph"));
        writeSkus(root.resolve("graph/subscribedSkus.json"));
        files += writeGroups(root.resolve("graph"));
        files += writeAgents(root);
        if (shape.conversations() > 0) files += new ObservationGenerator(shape).write(root);
        Files.writeString(root.resolve("exchange/adminAuditLogConfig.json"),
                "{\n  \"Name\": \"Admin Audit Log Settings\",\n  \"AdminAuditLogEnabled\": true,\n  \"UnifiedAuditLogIngestionEnabled\": true\n}\n");
        return files + 3;
    }

    static String userId(long seed, int i) {
        return new UUID(0x7d1b2c3e00004000L ^ seed, 0x8000000000000000L | i).toString();
    }

    static String groupId(long seed, int g) {
        return new UUID(0x3f0c0000aaaa4bbbL ^ seed, 0x8ccc000000000000L | g).toString();
    }

    private int writeUsers(Path graph) throws IOException {
        int files = 0;
        for (int start = 0; start < shape.users(); start += USERS_PER_FILE) {
            int end = Math.min(shape.users(), start + USERS_PER_FILE);
            try (JsonGenerator g = open(graph.resolve("users-" + (++files) + ".json"))) {
                g.writeStartArray();
                for (int page = start; page < end; page += PAGE) {
                    g.writeStartObject();
                    g.writeStringField("@odata.context", "https://graph.microsoft.com/v1.0/$metadata#users(id,userPrincipalName,userType,accountEnabled,assignedLicenses,assignedPlans,licenseAssignmentStates)");
                    g.writeArrayFieldStart("value");
                    for (int i = page; i < Math.min(end, page + PAGE); i++) writeUser(g, i);
                    g.writeEndArray();
                    if (page + PAGE < shape.users()) g.writeStringField("@odata.nextLink", "https://graph.microsoft.com/v1.0/users?$skiptoken=" + (page + PAGE));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
        }
        return files;
    }

    private void writeUser(JsonGenerator g, int i) throws IOException {
        SplittableRandom r = new SplittableRandom(shape.seed() * 31 + i);
        int kind = r.nextInt(100);
        boolean guest = kind >= 97;
        g.writeStartObject();
        g.writeStringField("id", userId(shape.seed(), i));
        g.writeStringField("userPrincipalName", guest ? "guest" + i + "_fabrikam.example#EXT#@contoso.onmicrosoft.com" : "user" + i + "@contoso.example");
        g.writeStringField("userType", guest ? "Guest" : "Member");
        g.writeBooleanField("accountEnabled", r.nextInt(100) >= 2);
        if (guest) {
            g.writeArrayFieldStart("assignedLicenses"); g.writeEndArray();
            g.writeArrayFieldStart("assignedPlans"); g.writeEndArray();
            g.writeArrayFieldStart("licenseAssignmentStates"); g.writeEndArray();
        } else if (kind < 70) {
            licence(g, E3, null, "Active", EXCHANGE_ENTERPRISE, "Enabled", true);
        } else if (kind < 78) {
            licence(g, E3, EXCHANGE_ENTERPRISE, "Active", EXCHANGE_ENTERPRISE, "Deleted", true);
        } else if (kind < 84) {
            licence(g, APPS, null, "Active", FOUNDATION, "Enabled", false);
        } else if (kind < 88) {
            licence(g, F1, null, "Active", FOUNDATION, "Enabled", false);
        } else if (kind < 91) {
            licence(g, E3, null, "Error", null, null, false);
        } else if (kind < 94) {
            licence(g, EXO1, null, "Active", EXCHANGE_STANDARD, r.nextBoolean() ? "Enabled" : "Suspended", false);
        } else {
            licence(g, ENTRA_P1, null, "Active", FOUNDATION, "Enabled", false);
        }
        g.writeEndObject();
    }

    private static void licence(JsonGenerator g, String sku, String disabled, String state, String exchangePlan,
                                String exchangeStatus, boolean full) throws IOException {
        g.writeArrayFieldStart("assignedLicenses");
        g.writeStartObject();
        g.writeArrayFieldStart("disabledPlans");
        if (disabled != null) g.writeString(disabled);
        g.writeEndArray();
        g.writeStringField("skuId", sku);
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("assignedPlans");
        if (exchangePlan != null) plan(g, exchangePlan, exchangeStatus, "exchange");
        if (full) for (String p : OTHER_PLANS) plan(g, p, "Enabled", "SharePoint");
        g.writeEndArray();
        g.writeArrayFieldStart("licenseAssignmentStates");
        g.writeStartObject();
        g.writeStringField("assignedByGroup", null);
        g.writeArrayFieldStart("disabledPlans");
        if (disabled != null) g.writeString(disabled);
        g.writeEndArray();
        g.writeStringField("error", state.equals("Error") ? "CountViolation" : "None");
        g.writeStringField("lastUpdatedDateTime", "2026-10-01T08:00:00Z");
        g.writeStringField("skuId", sku);
        g.writeStringField("state", state);
        g.writeEndObject();
        g.writeEndArray();
    }

    private static void plan(JsonGenerator g, String id, String status, String service) throws IOException {
        g.writeStartObject();
        g.writeStringField("assignedDateTime", "2025-11-01T08:00:00Z");
        g.writeStringField("capabilityStatus", status);
        g.writeStringField("service", service);
        g.writeStringField("servicePlanId", id);
        g.writeEndObject();
    }

    private void writeSkus(Path file) throws IOException {
        try (JsonGenerator g = open(file)) {
            g.writeStartObject();
            g.writeArrayFieldStart("value");
            sku(g, E3, "SPE_E3", EXCHANGE_ENTERPRISE);
            sku(g, APPS, "OFFICESUBSCRIPTION", FOUNDATION);
            sku(g, F1, "M365_F1", FOUNDATION);
            sku(g, EXO1, "EXCHANGESTANDARD", EXCHANGE_STANDARD);
            sku(g, ENTRA_P1, "AAD_PREMIUM", FOUNDATION);
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void sku(JsonGenerator g, String id, String part, String exchangePlan) throws IOException {
        g.writeStartObject();
        g.writeStringField("skuId", id);
        g.writeStringField("skuPartNumber", part);
        g.writeStringField("appliesTo", "User");
        g.writeArrayFieldStart("servicePlans");
        g.writeStartObject();
        g.writeStringField("servicePlanId", exchangePlan);
        g.writeStringField("provisioningStatus", "Success");
        g.writeEndObject();
        for (String p : OTHER_PLANS) {
            g.writeStartObject();
            g.writeStringField("servicePlanId", p);
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    /** Groups restricted agents use: the first few hundred, with transitive member files. */
    int restrictedGroups() {
        return Math.max(5, shape.groups() / 10);
    }

    private int writeGroups(Path graph) throws IOException {
        try (JsonGenerator g = open(graph.resolve("groups.json"))) {
            g.writeStartObject();
            g.writeArrayFieldStart("value");
            for (int i = 0; i < shape.groups(); i++) {
                g.writeStartObject();
                g.writeStringField("id", groupId(shape.seed(), i));
                g.writeStringField("displayName", "Group " + i);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        for (int i = 0; i < restrictedGroups(); i++) writeMembers(graph.resolve("group-members/" + groupId(shape.seed(), i) + ".json"), i);
        return 1 + restrictedGroups();
    }

    /** Group sizes spread from tens to tens of thousands; members are random users, a few devices and groups. */
    private void writeMembers(Path file, int group) throws IOException {
        SplittableRandom r = new SplittableRandom(shape.seed() ^ (0x9E3779B97F4A7C15L * (group + 1)));
        int size = (int) Math.min(shape.users(), Math.round(Math.exp(3 + r.nextDouble() * 7)));
        try (JsonGenerator g = open(file)) {
            g.writeStartObject();
            g.writeArrayFieldStart("value");
            for (int k = 0; k < size; k++) {
                g.writeStartObject();
                int roll = r.nextInt(100);
                if (roll == 0) {
                    g.writeStringField("@odata.type", "#microsoft.graph.device");
                    g.writeStringField("id", new UUID(group, k).toString());
                } else if (roll == 1) {
                    g.writeStringField("@odata.type", "#microsoft.graph.group");
                    g.writeStringField("id", groupId(shape.seed(), r.nextInt(shape.groups())));
                } else {
                    g.writeStringField("@odata.type", "#microsoft.graph.user");
                    g.writeStringField("id", userId(shape.seed(), r.nextInt(shape.users())));
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private int writeAgents(Path root) throws IOException {
        int workspaces = 0;
        try (JsonGenerator g = open(root.resolve("dataverse/bots.json"))) {
            g.writeStartObject();
            g.writeStringField("@odata.context", "https://contoso.crm.dynamics.com/api/data/v9.2/$metadata#bots");
            g.writeArrayFieldStart("value");
            for (int a = 0; a < shape.agents(); a++) {
                Agent agent = agent(a);
                bot(g, agent);
                if (a % 5 != 4) {
                    workspace(root.resolve("agents/agent-" + a), agent);
                    workspaces++;
                }
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return workspaces + 1;
    }

    private record Agent(String schema, int mode, int trigger, int access, List<String> groups, List<String> channels) {}

    static String agentSchema(int a) {
        return "cr6b1_agent" + a;
    }

    private Agent agent(int a) {
        SplittableRandom r = new SplittableRandom(shape.seed() * 7919 + a);
        int roll = r.nextInt(100);
        int mode = roll < 80 ? 2 : roll < 90 ? 1 : roll < 95 ? 3 : 4;
        boolean restricted = r.nextInt(100) < 70;
        List<String> groups = new ArrayList<>();
        if (restricted) for (int k = 0; k <= r.nextInt(3); k++) groups.add(groupId(shape.seed(), r.nextInt(restrictedGroups())));
        List<String> channels = new ArrayList<>(List.of("MsTeams"));
        if (r.nextInt(100) < 50) channels.add("Microsoft365Copilot");
        if (r.nextInt(100) < 10) channels.add("Directline");
        if (r.nextInt(100) < 5) channels.add("webchat");
        if (r.nextInt(100) < 3) channels.add("SharePoint");
        return new Agent(agentSchema(a), mode, r.nextInt(2), restricted ? 2 : r.nextInt(100) < 5 ? 3 : 0, groups, channels);
    }

    private static void bot(JsonGenerator g, Agent a) throws IOException {
        g.writeStartObject();
        g.writeStringField("botid", UUID.nameUUIDFromBytes(a.schema().getBytes(StandardCharsets.UTF_8)).toString());
        g.writeStringField("name", "Agent " + a.schema());
        g.writeStringField("schemaname", a.schema());
        g.writeNumberField("authenticationmode", a.mode());
        g.writeNumberField("authenticationtrigger", a.trigger());
        g.writeNumberField("accesscontrolpolicy", a.access());
        if (a.groups().isEmpty()) g.writeNullField("authorizedsecuritygroupids");
        else g.writeStringField("authorizedsecuritygroupids", String.join(",", a.groups()));
        StringBuilder config = new StringBuilder("{\"$kind\":\"BotConfiguration\",\"channels\":[");
        for (int i = 0; i < a.channels().size(); i++) {
            config.append(i == 0 ? "" : ",").append("{\"$kind\":\"ChannelDefinition\",\"channelId\":\"").append(a.channels().get(i)).append("\"}");
        }
        g.writeStringField("configuration", config.append("]}").toString());
        g.writeNumberField("statecode", 0);
        g.writeEndObject();
    }

    private static final String[] MODES = {"Unspecified", "None", "Integrated", "CustomAzureActiveDirectory", "GenericOAuth2"};
    private static final String[] ACCESS = {"Any", "ChatbotReaders", "GroupMembership", "AnyMultiTenant"};

    private static void workspace(Path dir, Agent a) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("settings.mcs.yml"))) {
            w.write("displayName: Agent " + a.schema() + "\nschemaName: " + a.schema() + "\naccessControlPolicy: "
                    + ACCESS[a.access()] + "\nauthenticationMode: " + MODES[a.mode()] + "\nauthenticationTrigger: "
                    + (a.trigger() == 1 ? "Always" : "AsNeeded") + "\nconfiguration:\n  recognizer:\n    $kind: GenerativeAIRecognizer\n\n  channels:\n");
            for (String c : a.channels()) w.write("    - $kind: ChannelDefinition\n      channelId: " + c + "\n");
            w.write("\ntemplate: default-2.1.0\nlanguage: 1033\n");
        }
        Files.writeString(dir.resolve("agent.mcs.yml"), "kind: GptComponentMetadata\ninstructions: You help Contoso employees.\n");
    }

    private static JsonGenerator open(Path file) throws IOException {
        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        JsonGenerator g = JSON.createGenerator(out, JsonEncoding.UTF8);
        g.useDefaultPrettyPrinter();
        return g;
    }
}
