package io.trailcheck.bench;

import io.trailcheck.engine.input.observations.AppInsightsReader;
import io.trailcheck.engine.input.observations.AuditIndex;
import io.trailcheck.engine.input.observations.AuditRecordsJsonReader;
import io.trailcheck.engine.input.observations.ChannelTally;
import io.trailcheck.engine.input.observations.ConversationTranscriptsReader;
import io.trailcheck.engine.input.observations.DistinctConversations;
import io.trailcheck.engine.input.observations.ObservationInventory;
import io.trailcheck.engine.input.observations.ObservationKeys;
import io.trailcheck.engine.input.observations.PurviewAuditCsvReader;
import io.trailcheck.engine.input.observations.Reconciliation;
import io.trailcheck.engine.input.observations.TimeSpan;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.problem.Problems;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads every audit export and every telemetry file below a folder and reconciles them: the work the
 * reconciliation adds to a scan, run as its own process so its time and peak memory can be measured.
 * Prints the counts, so the benchmark can check the work was done.
 */
public final class ReconcileObservations {
    private ReconcileObservations() {}

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args[0]);
        long t0 = System.nanoTime();
        Problems problems = new Problems();
        AuditIndex.Builder builder = AuditIndex.builder(Duration.ofMinutes(15));
        TimeSpan coverage = new TimeSpan();
        long[] records = {0};
        PurviewAuditCsvReader csv = new PurviewAuditCsvReader(ParseLimits.DEFAULT);
        AuditRecordsJsonReader json = new AuditRecordsJsonReader(ParseLimits.DEFAULT);
        long read = 0;
        for (Path f : files(root)) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            ObservationInventory inv;
            if (PurviewAuditCsvReader.isAuditExport(f)) {
                inv = csv.read(f, r -> { records[0]++; builder.add(ObservationKeys.agent(r), ObservationKeys.user(r), r.time()); }, problems);
            } else if (name.startsWith("auditrecords") && name.endsWith(".json")) {
                inv = json.read(f, r -> { records[0]++; builder.add(ObservationKeys.agent(r), ObservationKeys.user(r), r.time()); }, problems);
            } else {
                continue;
            }
            read += inv.read();
            coverage.include(inv.span());
        }
        AuditIndex index = builder.build();
        long t1 = System.nanoTime();
        Reconciliation reconciliation = new Reconciliation(index, coverage, null, null);
        DistinctConversations seen = new DistinctConversations();
        AppInsightsReader insights = new AppInsightsReader(ParseLimits.DEFAULT);
        ConversationTranscriptsReader transcripts = new ConversationTranscriptsReader(ParseLimits.DEFAULT);
        for (Path f : files(root)) {
            String name = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (!name.endsWith(".json")) continue;
            if (name.startsWith("appinsights")) insights.read(f, seen, reconciliation::accept, problems);
            else if (name.startsWith("conversationtranscripts")) transcripts.read(f, seen, reconciliation::accept, problems);
        }
        long t2 = System.nanoTime();
        if (!problems.isEmpty()) {
            System.err.println(problems.list().subList(0, Math.min(10, problems.size())));
            System.exit(2);
        }
        Map<Reconciliation.Outcome, Long> totals = new EnumMap<>(Reconciliation.Outcome.class);
        List<ChannelTally> tallies = reconciliation.tallies();
        for (ChannelTally t : tallies) t.counts().forEach((o, n) -> totals.merge(o, n, Long::sum));
        double cpu = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1000.0).orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "audit records=%d copilot=%d keys=%d audit-s=%.2f conversations=%d telemetry-s=%.2f tallies=%d cpu-s=%.2f %s%n",
                read, records[0], index.size(), (t1 - t0) / 1e9, seen.size(), (t2 - t1) / 1e9, tallies.size(), cpu, totals);
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
