package io.trailcheck.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Random valid and mutated snapshots: a scan either succeeds (0 or 1) or fails with exit 2 and a located
 * message, never a trace; and findings do not depend on file or record order. Fixed seeds keep the suite
 * repeatable.
 */
class SnapshotProperties {
    private static final List<String> MODES = List.of("None", "Integrated", "Unspecified", "GenericOAuth2",
            "CustomAzureActiveDirectory", "integrated", "2", "Federated");
    private static final List<String> CHANNELS = List.of("MsTeams", "Microsoft365Copilot", "Directline", "webchat",
            "SharePoint", "ContosoKiosk", "msteams", "Facebook");
    private static final List<String> SKUS = List.of("05e9a617-0261-4cee-bb44-138d3ef5d965", "c2273bd0-dff7-4215-9ef5-2c7bcfb06425");

    record Agent(String schema, String mode, String access, List<String> channels, List<Integer> groups) {}

    record User(int id, boolean guest, boolean enabled, int licence) {}

    record Tenant(List<Agent> agents, List<User> users, int groups) {}

    @Provide
    Arbitrary<Tenant> tenants() {
        Arbitrary<Agent> agent = Combinators.combine(
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(8).map(s -> "cr_" + s),
                Arbitraries.of(MODES), Arbitraries.of("Any", "GroupMembership", "ChatbotReaders", "AnyMultiTenant"),
                Arbitraries.of(CHANNELS).list().ofMaxSize(4).uniqueElements(),
                Arbitraries.integers().between(0, 3).list().ofMaxSize(2).uniqueElements()).as(Agent::new);
        Arbitrary<User> user = Combinators.combine(Arbitraries.integers().between(0, 10_000),
                Arbitraries.of(true, false, false, false), Arbitraries.of(true, true, true, false),
                Arbitraries.integers().between(0, 4)).as(User::new);
        return Combinators.combine(agent.list().ofMinSize(1).ofMaxSize(6).uniqueElements(a -> a.schema().toLowerCase()),
                user.list().ofMaxSize(20).uniqueElements(User::id), Arbitraries.integers().between(1, 4)).as(Tenant::new);
    }

    @Property(tries = 25, seed = "42")
    void validSnapshotsScanWithoutErrors(@ForAll("tenants") Tenant tenant) throws IOException {
        Path dir = write(tenant, new Random(1));
        try {
            Cli r = Cli.run("scan", dir.toString(), "--format", "json");
            assertTrue(r.exit() == 0 || r.exit() == 1, r.toString());
            new ObjectMapper().readTree(r.out());
        } finally {
            delete(dir);
        }
    }

    @Property(tries = 25, seed = "42")
    void findingsDoNotDependOnFileOrRecordOrder(@ForAll("tenants") Tenant tenant, @ForAll @IntRange(min = 1, max = 1000) int shuffle)
            throws IOException {
        Path a = write(tenant, new Random(1));
        Path b = write(tenant, new Random(shuffle + 1L));
        try {
            assertEquals(fingerprints(a), fingerprints(b));
        } finally {
            delete(a);
            delete(b);
        }
    }

    @Property(tries = 40, seed = "42")
    void mutatedFilesFailWithALocatedMessageOrStillScan(@ForAll("tenants") Tenant tenant,
                                                        @ForAll @IntRange(min = 0, max = 2) int mutation,
                                                        @ForAll @IntRange(min = 0, max = 1_000_000) int where) throws IOException {
        Path dir = write(tenant, new Random(1));
        try {
            List<Path> files;
            try (Stream<Path> s = Files.walk(dir)) {
                files = s.filter(Files::isRegularFile).sorted().toList();
            }
            Path victim = files.get(where % files.size());
            byte[] bytes = Files.readAllBytes(victim);
            Files.write(victim, mutate(bytes, mutation, where));
            Cli r = Cli.run("scan", dir.toString(), "--json", dir.resolve("out.json").toString());
            assertTrue(r.exit() == 0 || r.exit() == 1 || r.exit() == 2, r.toString());
            assertFalse(r.err().contains("\tat ") || r.err().contains("internal error"), r.err());
            if (r.exit() == 2) {
                assertTrue(r.err().lines().anyMatch(l -> l.startsWith(dir.toString())), "located: " + r.err());
                assertFalse(Files.exists(dir.resolve("out.json")), "no report on failure");
            }
        } finally {
            delete(dir);
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

    private static Set<String> fingerprints(Path dir) throws IOException {
        Path json = Files.createTempFile("fp", ".json");
        try {
            Cli r = Cli.run("scan", dir.toString(), "--json", json.toString(), "--fail-on", "never");
            assertEquals(0, r.exit(), r.toString());
            Set<String> out = new TreeSet<>();
            for (JsonNode f : new ObjectMapper().readTree(json.toFile()).path("findings")) {
                out.add(f.path("fingerprint").asText() + " " + f.path("level").asText() + " " + f.path("message").asText());
            }
            return out;
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /** Writes the tenant as workspaces, a Dataverse export and Graph users pages, shuffled by {@code order}. */
    private static Path write(Tenant t, Random order) throws IOException {
        Path dir = Files.createTempDirectory("trailcheck-prop");
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
                    .append(String.join(",", a.groups().stream().map(SnapshotProperties::group).toList())).append("\"}");
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
        return dir;
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
