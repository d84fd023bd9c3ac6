package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Random valid and mutated snapshots, with QuickTheories (integrated shrinking). A valid snapshot's
 * report holds together: every location is a line of an input file, no count exceeds its total, the
 * verdict and exit code follow the findings' levels and {@code --fail-on}, and the same input gives the
 * same report whatever the file or record order. A mutated file either scans or fails with exit 2 and
 * a located message, never a trace. The seed is fixed (42) so the suite is repeatable; a failure prints
 * the shrunk tenant and the seed, and {@code -DQT_SEED=n} explores others.
 */
class SnapshotPropertiesTest {
    private static final long SEED = Long.getLong("QT_SEED", 42L);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> MODES = List.of("None", "Integrated", "Unspecified", "GenericOAuth2",
            "CustomAzureActiveDirectory", "integrated", "2", "Federated");
    private static final List<String> ACCESS = List.of("Any", "GroupMembership", "ChatbotReaders", "AnyMultiTenant");
    private static final List<String> CHANNELS = List.of("MsTeams", "Microsoft365Copilot", "Directline", "webchat",
            "SharePoint", "ContosoKiosk", "msteams", "Facebook");
    private static final List<String> SKUS = List.of("05e9a617-0261-4cee-bb44-138d3ef5d965", "c2273bd0-dff7-4215-9ef5-2c7bcfb06425");
    private static final List<String> FAIL_ON = List.of("error", "warning", "note", "never");
    private static final List<String> OVERLAID_RULES = List.of("CIL001", "CIL002", "CIL003", "CIL004", "CIL005", "CIL006",
            "CIL008", "CIL011", "CIL012");

    record Agent(String schema, String mode, String access, List<String> channels, List<Integer> groups) {}

    record User(int id, boolean guest, boolean enabled, int licence) {}

    /** @param auditIngestion the tenant's UnifiedAuditLogIngestionEnabled, or null for no Exchange export */
    record Tenant(List<Agent> agents, List<User> users, int groups, Boolean auditIngestion) {}

    private static QuickTheory qt(int examples) {
        return QuickTheory.qt().withFixedSeed(SEED).withExamples(examples).withShrinkCycles(50);
    }

    static Gen<Tenant> tenants() {
        Gen<Agent> agent = strings().betweenCodePoints('a', 'z').ofLengthBetween(1, 8).map(s -> "cr_" + s)
                .zip(Generate.pick(MODES), Generate.pick(ACCESS), distinct(lists().of(Generate.pick(CHANNELS)).ofSizeBetween(0, 4)),
                        distinct(lists().of(integers().between(0, 3)).ofSizeBetween(0, 2)), Agent::new);
        Gen<User> user = integers().between(0, 10_000).zip(Generate.pick(List.of(false, false, false, true)),
                Generate.pick(List.of(true, true, true, false)), integers().between(0, 4), User::new);
        Gen<List<Agent>> agents = lists().of(agent).ofSizeBetween(1, 6).map(SnapshotPropertiesTest::uniqueSchemas);
        Gen<List<User>> users = lists().of(user).ofSizeBetween(0, 20).map(SnapshotPropertiesTest::uniqueIds);
        Gen<Boolean> audit = Generate.pick(List.of(Boolean.TRUE, Boolean.FALSE)).toOptionals(30).map(o -> o.orElse(null));
        return agents.zip(users, integers().between(1, 4), audit, Tenant::new);
    }

    /** A level per overlaid rule ("default" leaves the rule's level alone), so that runs both pass and fail. */
    static Gen<List<String>> levels() {
        return lists().of(Generate.pick(List.of("default", "note", "warning", "error"))).ofSize(OVERLAID_RULES.size());
    }

    @Test
    void reportsOfValidSnapshotsHoldTogether() {
        qt(25).forAll(tenants(), Generate.pick(FAIL_ON), levels()).checkAssert((tenant, failOn, levels) -> checkInTemporaryFolder(tenant, new Random(1), dir -> {
            Path json = dir.resolveSibling(dir.getFileName() + "-report.json");
            Path policy = writePolicy(dir.resolveSibling(dir.getFileName() + "-policy.yaml"), levels);
            Cli r = Cli.run("scan", dir.toString(), "--source-root", dir.toString(), "--fail-on", failOn, "--json", json.toString(),
                    "--policy", policy.toString());
            assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
            JsonNode report = JSON.readTree(json.toFile());
            assertLocationsExist(dir, report);
            assertCountsWithinTotals(report);
            assertVerdictFollowsLevels(report, failOn, r);
            String first = Files.readString(json);
            Cli.run("scan", dir.toString(), "--source-root", dir.toString(), "--fail-on", failOn, "--json", json.toString(),
                    "--policy", policy.toString());
            assertEquals(first, Files.readString(json), "the same input gives the same report");
            Files.delete(json);
            Files.delete(policy);
        }));
    }

    @Test
    void findingsDoNotDependOnFileOrRecordOrder() {
        qt(25).forAll(tenants(), integers().between(1, 1000)).checkAssert((tenant, shuffle) -> {
            Set<String> first = inTemporaryFolder(tenant, new Random(1), SnapshotPropertiesTest::fingerprints);
            Set<String> second = inTemporaryFolder(tenant, new Random(shuffle + 1L), SnapshotPropertiesTest::fingerprints);
            assertEquals(first, second);
        });
    }

    @Test
    void mutatedFilesFailWithALocatedMessageOrStillScan() {
        qt(40).forAll(tenants(), integers().between(0, 2), integers().between(0, 1_000_000))
                .checkAssert((tenant, mutation, where) -> checkInTemporaryFolder(tenant, new Random(1), dir -> {
                    List<Path> files;
                    try (Stream<Path> s = Files.walk(dir)) {
                        files = s.filter(Files::isRegularFile).sorted().toList();
                    }
                    Path victim = files.get(where % files.size());
                    Files.write(victim, mutate(Files.readAllBytes(victim), mutation, where));
                    Cli r = Cli.run("scan", dir.toString(), "--json", dir.resolve("out.json").toString());
                    assertTrue(r.exit() == 0 || r.exit() == 1 || r.exit() == 2, r.toString());
                    assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
                    if (r.exit() == 2) {
                        assertTrue(r.err().lines().anyMatch(l -> l.startsWith(dir.toString())), "located: " + r.err());
                        assertFalse(Files.exists(dir.resolve("out.json")), "no report on failure");
                    }
                }));
    }

    /** Every finding names an input file below the snapshot and a line that file has. */
    private static void assertLocationsExist(Path dir, JsonNode report) throws IOException {
        for (JsonNode f : report.path("findings")) {
            String file = f.path("location").path("file").asText();
            int line = f.path("location").path("line").asInt();
            Path path = dir.resolve(file).normalize();
            assertTrue(path.startsWith(dir) && Files.isRegularFile(path), "finding in a missing file: " + f);
            long lines = Files.readAllLines(path, StandardCharsets.UTF_8).size();
            assertTrue(line >= 1 && line <= lines, file + " has " + lines + " lines: " + f);
        }
    }

    /** Affected never exceeds total, each reason's count fits in affected, and the named users are the affected ones. */
    private static void assertCountsWithinTotals(JsonNode report) {
        int users = report.path("inventory").path("users").asInt();
        for (JsonNode f : report.path("findings")) {
            if (!f.has("affected")) continue;
            int affected = f.path("affected").asInt();
            int total = f.path("total").asInt();
            assertTrue(affected >= 1 && affected <= total, "affected " + affected + " of " + total + ": " + f);
            f.path("reasons").fields().forEachRemaining(reason ->
                    assertTrue(reason.getValue().asInt() <= affected, reason.getKey() + " exceeds affected: " + f));
            if (f.has("affectedUsersRef")) {
                JsonNode set = report.path("affectedUserSets").path(f.path("affectedUsersRef").asText());
                Set<Integer> distinct = new HashSet<>();
                set.forEach(i -> distinct.add(i.asInt()));
                assertEquals(affected, distinct.size(), "the affected users are listed once each: " + f);
                assertTrue(distinct.stream().allMatch(i -> i >= 0 && i < report.path("users").size()), f.toString());
                assertTrue(total <= users, "total " + total + " exceeds the " + users + " users read: " + f);
            }
        }
    }

    /** The run fails exactly when a finding that is not exempt is at or above --fail-on; every format says so. */
    private static void assertVerdictFollowsLevels(JsonNode report, String failOn, Cli run) {
        List<String> order = List.of("note", "warning", "error");
        boolean gated = false;
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (JsonNode f : report.path("findings")) {
            String level = f.path("level").asText();
            assertTrue(order.contains(level), "unknown level: " + f);
            if (f.has("exemption")) continue;
            counts.merge(level, 1, Integer::sum);
            gated |= !failOn.equals("never") && order.indexOf(level) >= order.indexOf(failOn);
        }
        assertEquals(failOn, report.path("failOn").asText());
        assertEquals(gated ? "failed" : "passed", report.path("verdict").asText(), report.path("findings").toString());
        assertEquals(gated ? 1 : 0, run.exit(), run.toString());
        String verdictLine = run.out().lines().filter(l -> l.startsWith("PASSED: ") || l.startsWith("FAILED: ")).findFirst().orElse("");
        assertTrue(verdictLine.startsWith(gated ? "FAILED: " : "PASSED: "), run.out());
        for (String level : order) {
            int n = counts.getOrDefault(level, 0);
            assertTrue(verdictLine.contains(" " + n + " " + level) || verdictLine.contains(": " + n + " " + level),
                    n + " " + level + " in \"" + verdictLine + "\"");
        }
    }

    private static Set<String> fingerprints(Path dir) throws IOException {
        Path json = dir.resolveSibling(dir.getFileName() + ".json");
        try {
            Cli r = Cli.run("scan", dir.toString(), "--json", json.toString(), "--fail-on", "never");
            assertEquals(0, r.exit(), r.toString());
            Set<String> out = new TreeSet<>();
            for (JsonNode f : JSON.readTree(json.toFile()).path("findings")) {
                out.add(f.path("fingerprint").asText() + " " + f.path("level").asText() + " " + f.path("message").asText());
            }
            return out;
        } finally {
            Files.deleteIfExists(json);
        }
    }

    private static byte[] mutate(byte[] bytes, int mutation, int where) {
        if (bytes.length == 0) return bytes;
        int at = where % bytes.length;
        return switch (mutation) {
            case 0 -> java.util.Arrays.copyOf(bytes, at);
            case 1 -> {
                byte[] copy = bytes.clone();
                copy[at] = (byte) (copy[at] ^ (1 + where % 254));
                yield copy;
            }
            default -> {
                byte[] junk = "}]{\"\u00ff:\n- [".getBytes(StandardCharsets.UTF_8);
                byte[] out = new byte[bytes.length + junk.length];
                System.arraycopy(bytes, 0, out, 0, at);
                System.arraycopy(junk, 0, out, at, junk.length);
                System.arraycopy(bytes, at, out, at + junk.length, bytes.length - at);
                yield out;
            }
        };
    }

    private static <T> Gen<List<T>> distinct(Gen<List<T>> lists) {
        return lists.map(l -> l.stream().distinct().toList());
    }

    private static List<Agent> uniqueSchemas(List<Agent> agents) {
        Set<String> seen = new HashSet<>();
        return agents.stream().filter(a -> seen.add(a.schema().toLowerCase())).toList();
    }

    private static List<User> uniqueIds(List<User> users) {
        Set<Integer> seen = new HashSet<>();
        return users.stream().filter(u -> seen.add(u.id())).toList();
    }

    interface InFolder<R> {
        R run(Path dir) throws IOException;
    }

    interface Check {
        void run(Path dir) throws IOException;
    }

    private static <R> R inTemporaryFolder(Tenant tenant, Random order, InFolder<R> body) {
        try {
            Path dir = write(tenant, order);
            try {
                return body.run(dir);
            } finally {
                delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkInTemporaryFolder(Tenant tenant, Random order, Check body) {
        inTemporaryFolder(tenant, order, dir -> {
            body.run(dir);
            return null;
        });
    }

    /** Writes the tenant as workspaces, a Dataverse export, Graph pages and an Exchange export, shuffled by {@code order}. */
    private static Path write(Tenant t, Random order) throws IOException {
        Path dir = Files.createTempDirectory("trailcheck-prop").toRealPath();
        List<Agent> agents = new ArrayList<>(t.agents());
        Collections.shuffle(agents, order);
        StringBuilder bots = new StringBuilder("{\"value\":[");
        for (int i = 0; i < agents.size(); i++) {
            Agent a = agents.get(i);
            if ((a.schema().hashCode() & 1) == 0) { // which agents have a workspace depends on the agent, not the order
                Path ws = Files.createDirectories(dir.resolve("agents/" + order.nextInt(1_000_000) + "-" + i));
                StringBuilder y = new StringBuilder("schemaName: " + a.schema() + "\nauthenticationMode: " + a.mode()
                        + "\naccessControlPolicy: " + a.access() + "\nconfiguration:\n  channels:\n");
                a.channels().forEach(c -> y.append("    - channelId: ").append(c).append('\n'));
                Files.writeString(ws.resolve("settings.mcs.yml"), y.toString());
            }
            bots.append(i == 0 ? "" : ",").append("{\"schemaname\":\"").append(a.schema()).append("\",\"authorizedsecuritygroupids\":\"")
                    .append(String.join(",", a.groups().stream().map(SnapshotPropertiesTest::group).toList())).append("\"}");
        }
        Files.writeString(dir.resolve("bots.json"), bots.append("]}").toString());
        List<User> users = new ArrayList<>(t.users());
        Collections.shuffle(users, order);
        int split = users.isEmpty() ? 0 : order.nextInt(users.size() + 1);
        writeUsers(dir.resolve("users-1.json"), users.subList(0, split));
        writeUsers(dir.resolve("users-2.json"), users.subList(split, users.size()));
        Files.writeString(dir.resolve("subscribedSkus.json"), "{\"value\":[{\"skuId\":\"" + SKUS.get(0)
                + "\",\"servicePlans\":[{\"servicePlanId\":\"efb87545-963c-4e0d-99df-69c6916d9eb0\"}]},{\"skuId\":\"" + SKUS.get(1)
                + "\",\"servicePlans\":[{\"servicePlanId\":\"113feb6c-3fe4-4440-bddc-54d774bf0318\"}]}]}");
        Files.createDirectories(dir.resolve("group-members"));
        for (int g = 0; g < t.groups(); g++) {
            StringBuilder m = new StringBuilder("{\"value\":[");
            int modulus = g + 2;
            List<User> members = new ArrayList<>(users.stream().filter(u -> u.id() % modulus == 0).toList());
            Collections.shuffle(members, order);
            for (int k = 0; k < members.size(); k++) m.append(k == 0 ? "" : ",").append("{\"id\":\"").append(uid(members.get(k).id())).append("\"}");
            Files.writeString(dir.resolve("group-members/" + group(g) + ".json"), m.append("]}").toString());
        }
        if (t.auditIngestion() != null) {
            Files.createDirectories(dir.resolve("exchange"));
            Files.writeString(dir.resolve("exchange/adminAuditLogConfig.json"), "\uFEFF{\n    \"AdminAuditLogEnabled\":  true,\n"
                    + "    \"UnifiedAuditLogIngestionEnabled\":  " + t.auditIngestion() + ",\n    \"Identity\":  \"Admin Audit Log Settings\"\n}\n");
        }
        return dir;
    }

    private static Path writePolicy(Path file, List<String> levels) throws IOException {
        StringBuilder y = new StringBuilder("version: 1\nrules:\n");
        for (int i = 0; i < levels.size(); i++) {
            if (!levels.get(i).equals("default")) y.append("  ").append(OVERLAID_RULES.get(i)).append(": { level: ").append(levels.get(i)).append(" }\n");
        }
        return Files.writeString(file, y.toString().endsWith("rules:\n") ? "version: 1\n" : y.toString());
    }

    private static void writeUsers(Path file, List<User> users) throws IOException {
        StringBuilder s = new StringBuilder("[{\"value\":[");
        for (int i = 0; i < users.size(); i++) {
            User u = users.get(i);
            s.append(i == 0 ? "" : ",").append("{\"id\":\"").append(uid(u.id())).append("\",\"userPrincipalName\":\"u").append(u.id())
                    .append("@contoso.example\",\"userType\":\"").append(u.guest() ? "Guest" : "Member").append("\",\"accountEnabled\":")
                    .append(u.enabled()).append(",\"assignedLicenses\":");
            s.append(switch (u.licence()) {
                case 0 -> "[]";
                case 1 -> "[{\"skuId\":\"" + SKUS.get(0) + "\",\"disabledPlans\":[]}]";
                case 2 -> "[{\"skuId\":\"" + SKUS.get(0) + "\",\"disabledPlans\":[\"efb87545-963c-4e0d-99df-69c6916d9eb0\"]}]";
                case 3 -> "[{\"skuId\":\"" + SKUS.get(1) + "\",\"disabledPlans\":[]}]";
                default -> "[{\"skuId\":\"0badc0de-0000-0000-0000-000000000000\",\"disabledPlans\":[]}]";
            });
            s.append('}');
        }
        Files.writeString(file, s.append("]}]").toString());
    }

    private static String uid(int i) {
        return String.format("00000000-0000-4000-8000-%012d", i);
    }

    private static String group(int g) {
        return String.format("11111111-0000-4000-8000-%012d", g);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
