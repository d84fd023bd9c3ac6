package io.trailcheck.engine.input.nativeformat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.directory.Sku;
import io.trailcheck.engine.directory.UserDirectory;
import io.trailcheck.engine.input.FileSections;
import io.trailcheck.engine.input.Section;
import io.trailcheck.engine.input.copilotstudio.AgentDraft;
import io.trailcheck.engine.input.copilotstudio.AgentFields;
import io.trailcheck.engine.input.copilotstudio.AgentsSection;
import io.trailcheck.engine.input.exchange.AuditIngestionSection;
import io.trailcheck.engine.input.exchange.RetentionSection;
import io.trailcheck.engine.input.graph.GraphSkusReader;
import io.trailcheck.engine.input.graph.GraphUsersReader;
import io.trailcheck.engine.input.graph.SkusSection;
import io.trailcheck.engine.input.graph.UsersSection;
import io.trailcheck.engine.input.observations.InteractionsSection;
import io.trailcheck.engine.input.observations.ObservedInteraction;
import io.trailcheck.engine.input.observations.TelemetrySection;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;
import io.trailcheck.model.SourceLocation;
import io.trailcheck.model.Telemetry;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The native snapshot ({@code *.trailcheck.yaml}, {@code snapshot.yaml}, or JSON): validated against the
 * published schema, then streamed. users, skus and groups go through the Graph readers' record logic.
 */
public final class NativeSnapshotReader {
    private final YamlFiles yaml;
    private final JsonFiles json;
    private final GraphCollection collection;
    private final GraphUsersReader users;
    private final GraphSkusReader skus;

    public NativeSnapshotReader(YamlFiles yaml, JsonFiles json, GraphCollection collection, GraphUsersReader users,
                         GraphSkusReader skus) {
        this.yaml = yaml;
        this.json = json;
        this.collection = collection;
        this.users = users;
        this.skus = skus;
    }

    public FileSections read(Path file, Problems problems) {
        Optional<Node> root = yaml.parse(file, problems);
        if (root.isEmpty()) return new FileSections(List.of(), 0);
        List<Problem> invalid = NativeSchema.validate(file, root.get());
        if (!invalid.isEmpty()) {
            problems.addAll(invalid);
            return new FileSections(List.of(), 0);
        }
        int[] count = {0};
        List<Section> sections = new ArrayList<>();
        try (JsonParser p = json.openYaml(file)) {
            JsonValues values = new JsonValues(file, problems);
            if (p.nextToken() != JsonToken.START_OBJECT) return new FileSections(List.of(), 0);
            values.fields(p, (key, v) -> section(file, key, v, values, problems, sections, count));
        } catch (JsonProcessingException e) {
            problems.add(JsonFiles.problem(file, e));
        } catch (IOException e) {
            problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        return new FileSections(sections, count[0]);
    }

    private void section(Path file, String key, JsonParser p, JsonValues values, Problems problems, List<Section> sections,
                         int[] count) throws IOException {
        Runnable counted = () -> count[0]++;
        switch (key) {
            case "tenant" -> tenant(file, p, values, problems, sections);
            case "users" -> {
                UserDirectory.Builder read = new UserDirectory.Builder();
                collection.readRecords(file, p, users.records(file, problems, read, counted), problems);
                sections.add(new UsersSection(read));
            }
            case "skus" -> {
                List<Sku> read = new ArrayList<>();
                collection.readRecords(file, p, skus.records(file, problems, read, counted), problems);
                sections.add(new SkusSection(read));
            }
            case "groups" -> {
                List<NativeGroupsSection.NativeGroup> groups = new ArrayList<>();
                values.objects(p, key, g -> groups.add(group(file, g, values)));
                sections.add(new NativeGroupsSection(groups));
            }
            case "agents" -> {
                List<AgentDraft> agents = new ArrayList<>();
                values.objects(p, key, a -> {
                    agents.add(agent(file, a, values));
                    counted.run();
                });
                sections.add(new AgentsSection(agents));
            }
            case "telemetry" -> {
                List<Telemetry> telemetry = new ArrayList<>();
                values.fields(p, (agent, t) -> telemetry.add(telemetry(file, agent, t, values)));
                sections.add(new TelemetrySection(telemetry));
            }
            case "interactions" -> {
                List<ObservedInteraction> interactions = new ArrayList<>();
                values.objects(p, key, i -> interactions.add(interaction(file, i, values)));
                sections.add(new InteractionsSection(interactions));
            }
            default -> JsonValues.skip(p);
        }
    }

    private static void tenant(Path file, JsonParser p, JsonValues values, Problems problems, List<Section> sections)
            throws IOException {
        String[] idAndName = new String[2];
        Boolean[] payAsYouGo = {null};
        values.fields(p, (field, v) -> {
            SourceLocation at = JsonFiles.here(file, v);
            switch (field) {
                case "id" -> idAndName[0] = values.scalar(v, field);
                case "name" -> idAndName[1] = values.scalar(v, field);
                case "unifiedAuditLogIngestionEnabled" -> {
                    Boolean enabled = values.bool(v, field);
                    if (enabled != null) sections.add(new AuditIngestionSection(enabled, at));
                }
                case "payAsYouGoAuditing" -> payAsYouGo[0] = values.bool(v, field);
                case "copilotAuditRetentionDays" -> sections.add(new RetentionSection(days(values.scalar(v, field), at, problems),
                        at, List.of(), 0));
                default -> JsonValues.skip(v);
            }
        });
        sections.add(new TenantSection(idAndName[0], idAndName[1], payAsYouGo[0]));
    }

    /** Whole days from 1 to 36,500 (a century); anything else is a located problem. */
    private static Integer days(String text, SourceLocation at, Problems problems) {
        try {
            int days = new java.math.BigDecimal(text.trim()).intValueExact();
            if (days >= 1 && days <= 36_500) return days;
        } catch (RuntimeException e) {
            // reported below
        }
        problems.add(new Problem(at.file(), at.line(), at.column(),
                "tenant.copilotAuditRetentionDays: expected whole days from 1 to 36500, found " + text));
        return null;
    }

    private static AgentDraft agent(Path file, JsonParser p, JsonValues values) throws IOException {
        // Like an export, a native file describes agents whose source of truth is elsewhere: a workspace wins.
        AgentDraft d = new AgentDraft(file, AgentDraft.Origin.EXPORT, JsonFiles.here(file, p));
        values.fields(p, (field, v) -> {
            SourceLocation at = JsonFiles.here(file, v);
            switch (field) {
                case AgentFields.AUTHORIZED_GROUPS -> {
                    d.setAuthorizedGroups(v.currentToken() == JsonToken.START_ARRAY
                            ? values.strings(v, field) : YamlNodes.splitCommaList(values.string(v, field)), at);
                }
                case AgentFields.CHANNELS -> d.setChannels(channels(file, v, values));
                default -> d.set(field, values.scalar(v, field), at);
            }
        });
        return d;
    }

    private static List<AgentDraft.ChannelDraft> channels(Path file, JsonParser p, JsonValues values) throws IOException {
        List<AgentDraft.ChannelDraft> out = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            SourceLocation at = JsonFiles.here(file, p);
            if (p.currentToken() == JsonToken.START_OBJECT) {
                String[] id = {null};
                values.fields(p, (f, v) -> {
                    if (f.equals("channelId")) id[0] = values.string(v, f);
                    else JsonValues.skip(v);
                });
                if (id[0] != null) out.add(new AgentDraft.ChannelDraft(id[0], at));
            } else {
                out.add(new AgentDraft.ChannelDraft(p.getText(), at));
            }
        }
        return out;
    }

    private static Telemetry telemetry(Path file, String agent, JsonParser p, JsonValues values) throws IOException {
        SourceLocation at = JsonFiles.here(file, p);
        boolean[] flags = new boolean[4];
        values.fields(p, (field, v) -> {
            int i = switch (field) {
                case "connectionStringSet" -> 0;
                case "logActivities" -> 1;
                case "logSensitiveProperties" -> 2;
                case "logNodeActions" -> 3;
                default -> -1;
            };
            Boolean b = values.bool(v, field);
            if (i >= 0 && b != null) flags[i] = b;
        });
        return new Telemetry(agent, flags[0], flags[1], flags[2], flags[3], at);
    }

    private static ObservedInteraction interaction(Path file, JsonParser p, JsonValues values) throws IOException {
        SourceLocation at = JsonFiles.here(file, p);
        String[] f = new String[3];
        values.fields(p, (field, v) -> {
            switch (field) {
                case "agent" -> f[0] = values.scalar(v, field);
                case "channel" -> f[1] = values.scalar(v, field);
                case "user" -> f[2] = values.scalar(v, field);
                default -> JsonValues.skip(v);
            }
        });
        return new ObservedInteraction(f[0], f[1], f[2], at);
    }

    private static NativeGroupsSection.NativeGroup group(Path file, JsonParser p, JsonValues values) throws IOException {
        SourceLocation at = JsonFiles.here(file, p);
        String[] id = {null};
        List<String> members = new ArrayList<>();
        values.fields(p, (field, v) -> {
            switch (field) {
                case "id" -> id[0] = values.string(v, field);
                case "members" -> members.addAll(values.strings(v, field));
                default -> JsonValues.skip(v);
            }
        });
        return new NativeGroupsSection.NativeGroup(id[0], members, at);
    }
}
