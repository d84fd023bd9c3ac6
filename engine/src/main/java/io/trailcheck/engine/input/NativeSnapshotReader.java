package io.trailcheck.engine.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.JsonValues;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.parse.YamlNodes;
import io.trailcheck.engine.problem.Problem;
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
final class NativeSnapshotReader implements InputReader {
    private final YamlFiles yaml;
    private final JsonFiles json;
    private final GraphCollection collection;
    private final GraphUsersReader users;
    private final GraphSkusReader skus;

    NativeSnapshotReader(YamlFiles yaml, JsonFiles json, GraphCollection collection, GraphUsersReader users,
                         GraphSkusReader skus) {
        this.yaml = yaml;
        this.json = json;
        this.collection = collection;
        this.users = users;
        this.skus = skus;
    }

    /** A group of the native format: its complete membership as user ids, applied once the file is read. */
    private record NativeGroup(String id, List<String> members, SourceLocation at) {}

    @Override
    public int read(Path file, Intake intake) {
        Optional<Node> root = yaml.parse(file, intake.problems);
        if (root.isEmpty()) return 0;
        List<Problem> invalid = NativeSchema.validate(file, root.get());
        if (!invalid.isEmpty()) {
            intake.problems.addAll(invalid);
            return 0;
        }
        int[] count = {0};
        List<NativeGroup> groups = new ArrayList<>();
        try (JsonParser p = json.openYaml(file)) {
            JsonValues values = new JsonValues(file, intake.problems);
            if (p.nextToken() != JsonToken.START_OBJECT) return 0;
            values.fields(p, (key, v) -> section(file, key, v, values, intake, groups, count));
        } catch (JsonProcessingException e) {
            intake.problems.add(JsonFiles.problem(file, e));
        } catch (IOException e) {
            intake.problems.add(Problem.inFile(file, "cannot read: " + e.getMessage()));
        }
        for (NativeGroup g : groups) applyGroup(g, intake);
        return count[0];
    }

    private void section(Path file, String key, JsonParser p, JsonValues values, Intake intake, List<NativeGroup> groups,
                         int[] count) throws IOException {
        Runnable counted = () -> count[0]++;
        switch (key) {
            case "tenant" -> tenant(file, p, values, intake);
            case "users" -> collection.readRecords(file, p, users.records(file, intake, counted), intake.problems);
            case "skus" -> collection.readRecords(file, p, skus.records(file, intake, counted), intake.problems);
            case "groups" -> {
                        values.objects(p, key, g -> groups.add(group(file, g, values)));
            }
            case "agents" -> values.objects(p, key, a -> {
                intake.agents.add(agent(file, a, values));
                counted.run();
            });
            case "telemetry" -> {
                intake.telemetryExported = true;
                values.fields(p, (agent, t) -> intake.telemetry.add(telemetry(file, agent, t, values)));
            }
            case "interactions" -> {
                intake.interactionsExported = true;
                values.objects(p, key, i -> intake.interactions.add(interaction(file, i, values)));
            }
            default -> JsonValues.skip(p);
        }
    }

    private static void tenant(Path file, JsonParser p, JsonValues values, Intake intake) throws IOException {
        values.fields(p, (field, v) -> {
            SourceLocation at = JsonFiles.here(file, v);
            switch (field) {
                case "id" -> intake.tenantId = values.scalar(v, field);
                case "name" -> intake.tenantName = values.scalar(v, field);
                case "unifiedAuditLogIngestionEnabled" -> {
                    intake.auditIngestion = values.bool(v, field);
                    intake.auditIngestionLocation = at;
                }
                case "payAsYouGoAuditing" -> intake.payAsYouGoAuditing = values.bool(v, field);
                case "copilotAuditRetentionDays" -> {
                    intake.retentionDays = days(values.scalar(v, field), at, intake);
                    intake.retentionLocation = at;
                    intake.retentionExported = true;
                }
                default -> JsonValues.skip(v);
            }
        });
    }

    /** Whole days from 1 to 36,500 (a century); anything else is a located problem. */
    private static Integer days(String text, SourceLocation at, Intake intake) {
        try {
            int days = new java.math.BigDecimal(text.trim()).intValueExact();
            if (days >= 1 && days <= 36_500) return days;
        } catch (RuntimeException e) {
            // reported below
        }
        intake.problems.add(new Problem(at.file(), at.line(), at.column(),
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
                    d.authorizedGroupIds = v.currentToken() == JsonToken.START_ARRAY
                            ? values.strings(v, field) : YamlNodes.splitCommaList(values.string(v, field));
                    d.locations.put(field, at);
                }
                case AgentFields.CHANNELS -> d.channels = channels(file, v, values);
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

    private static NativeGroup group(Path file, JsonParser p, JsonValues values) throws IOException {
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
        return new NativeGroup(id[0], members, at);
    }

    private static void applyGroup(NativeGroup g, Intake intake) {
        GraphGroupsReader.Members members = new GraphGroupsReader.Members(intake);
        g.members().forEach(m -> members.add(new MemberRef(m, null)));
        intake.groups.setTransitiveMembers(g.id(), members.users(), g.at());
    }
}
