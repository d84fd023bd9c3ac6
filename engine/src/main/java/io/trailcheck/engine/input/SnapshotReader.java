package io.trailcheck.engine.input;

import io.trailcheck.engine.directory.UserIndex;
import io.trailcheck.engine.input.copilotstudio.DataverseBotsReader;
import io.trailcheck.engine.input.copilotstudio.AgentsSection;
import io.trailcheck.engine.input.copilotstudio.SolutionBotReader;
import io.trailcheck.engine.input.copilotstudio.SolutionZipReader;
import io.trailcheck.engine.input.copilotstudio.WorkspaceReader;
import io.trailcheck.engine.input.exchange.AuditConfigReader;
import io.trailcheck.engine.input.exchange.AuditRetentionReader;
import io.trailcheck.engine.input.graph.GraphGroupsReader;
import io.trailcheck.engine.input.graph.GraphSkusReader;
import io.trailcheck.engine.input.graph.GraphUsersReader;
import io.trailcheck.engine.input.graph.GroupMembersReader;
import io.trailcheck.engine.input.nativeformat.NativeSnapshotReader;
import io.trailcheck.engine.input.observations.AppInsightsReader;
import io.trailcheck.engine.input.observations.AuditRecord;
import io.trailcheck.engine.input.observations.AuditRecordsJsonReader;
import io.trailcheck.engine.input.observations.AuditRecordsSection;
import io.trailcheck.engine.input.observations.ConversationTranscriptsReader;
import io.trailcheck.engine.input.observations.ConversationsSection;
import io.trailcheck.engine.input.observations.DistinctConversations;
import io.trailcheck.engine.input.observations.ObservationInventory;
import io.trailcheck.engine.input.observations.ObservedConversation;
import io.trailcheck.engine.input.observations.PurviewAuditCsvReader;
import io.trailcheck.engine.input.observations.RecordKeys;
import io.trailcheck.engine.parse.GraphCollection;
import io.trailcheck.engine.parse.JsonFiles;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.parse.YamlFiles;
import io.trailcheck.engine.problem.Problem;
import io.trailcheck.engine.problem.Problems;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a tenant snapshot: discovers the recognised files below the given paths, has each reader say what
 * its file says, and merges what they say into a {@link Snapshot}. Collects every problem before failing,
 * so one run shows them all. Knows no policy: what the files mean is decided later.
 */
public final class SnapshotReader {
    /** Groups name users: their members are resolved once every users export is in. */
    private static final Set<InputKind> NAMING_USERS = Set.of(InputKind.GRAPH_GROUPS, InputKind.GROUP_MEMBERS);

    /** Reads one file of a kind into what it says. */
    private interface FileReader {
        FileSections read(Path file, Problems problems);
    }

    private final Map<InputKind, FileReader> readers = new EnumMap<>(InputKind.class);
    /** The size of every file of the snapshot being read: a users export is cut only when it is most of it. */
    private volatile long inputBytes;
    private final GraphCollection collection;

    public SnapshotReader(ParseLimits limits) {
        JsonFiles json = new JsonFiles(limits);
        collection = new GraphCollection(json);
        GraphSkusReader skus = new GraphSkusReader(collection);
        GraphUsersReader users = new GraphUsersReader(collection);
        YamlFiles yaml = new YamlFiles(limits);
        NativeSnapshotReader nativeSnapshot = new NativeSnapshotReader(yaml, json, collection, users, skus);
        AuditRetentionReader retention = new AuditRetentionReader(collection);
        SolutionBotReader solution = new SolutionBotReader(json);
        AuditConfigReader auditConfig = new AuditConfigReader(collection);
        WorkspaceReader workspace = new WorkspaceReader(yaml);
        DataverseBotsReader dataverse = new DataverseBotsReader(collection, json);
        readers.put(InputKind.GRAPH_SKUS, (f, p) -> FileSections.of(skus.read(f, p)));
        readers.put(InputKind.GRAPH_USERS, (f, p) -> FileSections.of(users.read(f, inputBytes, p)));
        readers.put(InputKind.NATIVE, nativeSnapshot::read);
        readers.put(InputKind.AUDIT_RETENTION, (f, p) -> FileSections.of(retention.read(f, p)));
        readers.put(InputKind.SOLUTION_BOT, (f, p) -> FileSections.of(solution.read(f, p)));
        SolutionZipReader zips = new SolutionZipReader(solution);
        readers.put(InputKind.SOLUTION_ZIP, (f, p) -> zips.read(f, p).map(FileSections::of).orElse(FileSections.NOT_AN_INPUT));
        readers.put(InputKind.AUDIT_CONFIG, (f, p) -> FileSections.of(auditConfig.read(f, p)));
        readers.put(InputKind.WORKSPACE, (f, p) -> FileSections.of(workspace.read(f, p)));
        readers.put(InputKind.DATAVERSE_BOTS, (f, p) -> FileSections.of(dataverse.read(f, p)));
        PurviewAuditCsvReader auditCsv = new PurviewAuditCsvReader(limits);
        AuditRecordsJsonReader auditJson = new AuditRecordsJsonReader(limits);
        AppInsightsReader appInsights = new AppInsightsReader(limits);
        ConversationTranscriptsReader transcripts = new ConversationTranscriptsReader(limits);
        readers.put(InputKind.AUDIT_CSV, (f, p) -> FileSections.of(records(f, p, auditCsv::read)));
        readers.put(InputKind.AUDIT_RECORDS, (f, p) -> FileSections.of(records(f, p, auditJson::read)));
        readers.put(InputKind.APP_INSIGHTS, (f, p) -> FileSections.of(conversations(f, p, appInsights::read)));
        readers.put(InputKind.CONVERSATION_TRANSCRIPTS, (f, p) -> FileSections.of(conversations(f, p, transcripts::read)));
    }

    /** An audit export's reader, streaming records to a sink. */
    private interface RecordSource {
        ObservationInventory read(Path file, java.util.function.Consumer<AuditRecord> sink, Problems problems);
    }

    /** A telemetry or transcript reader, streaming each conversation once. */
    private interface ConversationSource {
        ObservationInventory read(Path file, DistinctConversations seen, java.util.function.Consumer<ObservedConversation> sink,
                                  Problems problems);
    }

    /** Only CopilotInteraction records are kept, as keys; the others are counted in the inventory. */
    private static AuditRecordsSection records(Path file, Problems problems, RecordSource source) {
        RecordKeys keys = new RecordKeys();
        ObservationInventory inventory = source.read(file, keys::add, problems);
        return new AuditRecordsSection(keys, inventory);
    }

    private static ConversationsSection conversations(Path file, Problems problems, ConversationSource source) {
        List<ObservedConversation> seen = new ArrayList<>();
        ObservationInventory inventory = source.read(file, new DistinctConversations(), seen::add, problems);
        return new ConversationsSection(seen, inventory);
    }

    /**
     * Readers for the first pass: every kind but groups exports, which name users as they stream; member
     * files are read now, their members resolved in the second pass.
     */
    private Map<InputKind, FileReader> firstPass(Map<Path, GroupMembersReader.Members> members) {
        GroupMembersReader reader = new GroupMembersReader(collection);
        Map<InputKind, FileReader> first = new EnumMap<>(readers);
        first.put(InputKind.GROUP_MEMBERS, (f, p) -> {
            members.put(f, reader.collect(f, p));
            return null;
        });
        return first;
    }

    private Map<InputKind, FileReader> groupReaders(UserIndex users, Map<Path, GroupMembersReader.Members> members) {
        GraphGroupsReader groups = new GraphGroupsReader(collection, users);
        return Map.of(InputKind.GRAPH_GROUPS, (f, p) -> FileSections.of(groups.read(f, p)),
                InputKind.GROUP_MEMBERS, (f, p) -> FileSections.of(members.get(f).resolve(users)));
    }

    /** Reads everything; throws {@link io.trailcheck.engine.problem.InputException} listing every problem. */
    public Snapshot read(List<Path> paths) {
        Problems problems = new Problems();
        InputDiscovery discovery = new InputDiscovery();
        List<InputDiscovery.Found> found = discovery.discover(paths, problems);
        if (found.isEmpty() && problems.isEmpty()) {
            problems.add(Problem.inFile(paths.isEmpty() ? Path.of(".") : paths.get(0),
                    "nothing recognised to scan: no settings.mcs.yml, bots.json, users*.json, subscribedSkus.json, "
                            + "groups*.json, group-members/*.json, adminAuditLogConfig.json, audit or telemetry export below it"));
        }
        inputBytes = sizeOf(found);
        FileSections[] read = new FileSections[found.size()];
        Map<Path, GroupMembersReader.Members> members = new java.util.concurrent.ConcurrentHashMap<>();
        readEach(found, read, firstPass(members), problems);
        SnapshotAssembler assembler = new SnapshotAssembler(problems);
        for (FileSections s : read) if (s != null) assembler.addAll(s.sections());
        readEach(found, read, groupReaders(assembler.users(), members), problems);
        for (int i = 0; i < read.length; i++) {
            if (NAMING_USERS.contains(found.get(i).kind())) assembler.addAll(read[i].sections());
        }
        List<InputFile> files = new ArrayList<>();
        for (int i = 0; i < read.length; i++) {
            if (read[i].records() < 0) continue; // a zip that is no solution export: not an input
            files.add(inputFile(found.get(i), read[i]));
            for (Section s : read[i].sections()) if (s instanceof AgentsSection a) files.addAll(a.alsoRead());
        }
        problems.throwIfAny();
        Snapshot snapshot = assembler.snapshot(files, discovery.skipped());
        problems.throwIfAny();
        return snapshot;
    }

    /**
     * Reads every found file that one of {@code with} reads, on every core: files are independent (each
     * reader returns what its file says), and each result goes to the file's own slot, so the outcome is
     * the same in any order of completion. The largest files are taken first, each by the next free
     * thread, so that one thread is not left with all the large files while the others run out of work.
     */
    private static void readEach(List<InputDiscovery.Found> found, FileSections[] into, Map<InputKind, FileReader> with,
                                 Problems problems) {
        Problems[] own = new Problems[found.size()];
        int[] order = largestFirst(found, with);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        Runnable worker = () -> {
            try {
                for (int k; (k = next.getAndIncrement()) < order.length; ) {
                    int i = order[k];
                    own[i] = new Problems();
                    into[i] = readGuarded(with.get(found.get(i).kind()), found.get(i).file(), own[i]);
                }
            } catch (RuntimeException | Error e) {
                next.set(order.length); // the others stop after their current file
                throw e;
            }
        };
        runOnEveryCore(worker, Math.min(order.length, Runtime.getRuntime().availableProcessors()));
        for (Problems p : own) if (p != null) problems.addAll(p.list());
    }

    /** The indexes of the files {@code with} reads, largest first (in found order among equal sizes). */
    private static int[] largestFirst(List<InputDiscovery.Found> found, Map<InputKind, FileReader> with) {
        long[] sizes = new long[found.size()];
        List<Integer> read = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (!with.containsKey(found.get(i).kind())) continue;
            sizes[i] = sizeOf(found.get(i).file());
            read.add(i);
        }
        read.sort(java.util.Comparator.comparingLong((Integer i) -> -sizes[i]));
        return read.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Runs {@code worker} on this thread and {@code threads - 1} others until all end; the first failure
     * of any is thrown here, as a failure on this thread would be.
     */
    private static void runOnEveryCore(Runnable worker, int threads) {
        List<java.util.concurrent.FutureTask<Void>> others = new ArrayList<>();
        for (int t = 1; t < threads; t++) {
            java.util.concurrent.FutureTask<Void> task = new java.util.concurrent.FutureTask<>(worker, null);
            Thread thread = new Thread(task, "trailcheck-read-" + t);
            thread.setDaemon(true);
            thread.start();
            others.add(task);
        }
        RuntimeException failed = null;
        try {
            worker.run();
        } catch (RuntimeException e) {
            failed = e;
        }
        for (java.util.concurrent.FutureTask<Void> task : others) {
            try {
                task.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the snapshot was read", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof Error err) throw err;
                if (failed == null && e.getCause() instanceof RuntimeException r) failed = r;
            }
        }
        if (failed != null) throw failed;
    }

    private static long sizeOf(List<InputDiscovery.Found> found) {
        long total = 0;
        for (InputDiscovery.Found f : found) total += sizeOf(f.file());
        return total;
    }

    private static long sizeOf(Path file) {
        try {
            return java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0; // unreadable: its reader reports it
        }
    }

    /** What a file held; audit and telemetry exports with the time they span. */
    private static InputFile inputFile(InputDiscovery.Found found, FileSections read) {
        for (Section s : read.sections()) {
            ObservationInventory inventory = s instanceof AuditRecordsSection a ? a.inventory()
                    : s instanceof ConversationsSection c ? c.inventory() : null;
            if (inventory != null && !inventory.span().isEmpty()) {
                return new InputFile(found.file(), found.kind(), read.records(), inventory.span().min().toString(),
                        inventory.span().max().toString());
            }
        }
        return new InputFile(found.file(), found.kind(), read.records());
    }

    /** One file; memory or stack exhausted by it is reported naming the file (exit 4), never as a trace. */
    private static FileSections readGuarded(FileReader reader, Path file, Problems problems) {
        try {
            return reader.read(file, problems);
        } catch (OutOfMemoryError | StackOverflowError e) {
            throw new io.trailcheck.engine.problem.ExhaustedException(file, e);
        }
    }
}
