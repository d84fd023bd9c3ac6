package io.trailcheck.bench.jmh;

import io.trailcheck.bench.TenantGenerator;
import io.trailcheck.bench.TenantShape;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;
import io.trailcheck.engine.parse.ParseLimits;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.interpret.Interpreter;
import io.trailcheck.engine.scan.ScanRequest;
import io.trailcheck.rules.Trailcheck;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The hot inner parts of a scan, on a generated tenant: reading the exports into a snapshot (users
 * streamed, group members resolved), and interpreting it into facts (mailboxes derived, audiences counted).
 *
 * <pre>java -cp bench/target/trailcheck-bench.jar org.openjdk.jmh.Main HotPathBenchmarks -p users=100000</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class HotPathBenchmarks {
    @Param({"100000"})
    public int users;

    private Path tenant;
    private Policy policy;
    private Snapshot snapshot;

    @Setup(Level.Trial)
    public void generate() throws Exception {
        tenant = Files.createTempDirectory("trailcheck-jmh");
        new TenantGenerator(TenantShape.ofUsers(users, 42)).write(tenant);
        policy = Trailcheck.scanner(List.of()).policy(ScanRequest.of(List.of()));
        snapshot = readSnapshot();
    }

    @Benchmark
    public Snapshot readSnapshot() {
        return new SnapshotReader(ParseLimits.DEFAULT).read(List.of(tenant));
    }

    @Benchmark
    public Object interpret() {
        return new Interpreter(LocalDate.of(2026, 11, 25)).facts(snapshot, policy);
    }
}
