package io.trailcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The benchmark command. {@code generate} writes one synthetic tenant; {@code run} generates tenants of
 * each size (cached), then measures, as separate processes, a plain streaming parse of the files (the
 * floor) and a full {@code trailcheck scan} writing SARIF and JSON, one right after the other, and prints
 * wall time, peak RSS, the scan's time as a multiple of the floor's measured in the same run, and throughput.
 *
 * <pre>
 * java -jar bench/target/trailcheck-bench.jar run --sizes 1000,10000,100000,1000000
 * java -jar bench/target/trailcheck-bench.jar generate --users 100000 --out /tmp/tenant
 * </pre>
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        Args a = new Args(args);
        switch (a.command) {
            case "generate" -> {
                TenantShape shape = TenantShape.ofUsers(a.intOption("--users", 10_000), a.longOption("--seed", 42));
                if (a.flag("--observations")) shape = shape.withObservations();
                int files = new TenantGenerator(shape).write(Path.of(a.option("--out", "tenant")));
                System.out.printf("wrote %s: %d files%n", shape, files);
            }
            case "run" -> run(a);
            case "observations" -> observations(a);
            default -> {
                System.err.println("usage: trailcheck-bench generate --users N [--observations] [--seed S] --out DIR"
                        + " | run [--sizes N,N,...] [--work DIR] [--launcher bin/trailcheck]"
                        + " | observations [--sizes N,N,...] [--work DIR]");
                System.exit(2);
            }
        }
    }

    private static void run(Args a) throws Exception {
        Path work = Path.of(a.option("--work", "bench/target/tenants"));
        Path launcher = Path.of(a.option("--launcher", "bin/trailcheck"));
        Path self = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long seed = a.longOption("--seed", 42);
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-9s %6s %6s %8s %9s %10s %10s %10s %11s %8s %11s %12s", "users", "groups", "agents", "input MB",
                "floor s", "floor RSS", "scan s", "scan RSS", "scan/floor", "read s", "read/floor", "users/s"));
        for (String size : a.option("--sizes", "1000,10000,100000,1000000").split(",")) {
            TenantShape shape = TenantShape.ofUsers(Integer.parseInt(size.trim()), seed);
            Path tenant = work.resolve("tenant-" + shape.users() + "-" + seed);
            ensureGenerated(shape, tenant, new TenantGenerator(shape)::write);
            Path out = Files.createDirectories(work.resolve("out-" + shape.users()));
            Measured floor = Measured.run(List.of("java", "-cp", self.toString(), StreamingFloor.class.getName(), tenant.toString()));
            Measured scan = Measured.run(List.of(launcher.toString(), "scan", tenant.toString(),
                    "--sarif", out.resolve("result.sarif").toString(), "--json", out.resolve("result.json").toString(),
                    "--fail-on", "never", "--progress"));
            if (scan.exitCode() != 0) throw new IllegalStateException("scan failed (" + scan.exitCode() + "): " + scan.stderr());
            double read = readSeconds(scan.stderr());
            rows.add(String.format(Locale.ROOT, "%-9d %6d %6d %8.0f %9.2f %7.0f MB %10.2f %7.0f MB %10.2fx %8.2f %10.2fx %12.0f",
                    shape.users(), shape.groups(), shape.agents(), sizeMb(tenant), floor.seconds(), floor.peakRssMb(),
                    scan.seconds(), scan.peakRssMb(), scan.seconds() / floor.seconds(), read, read / floor.seconds(),
                    shape.users() / scan.seconds()));
            System.out.println(rows.get(rows.size() - 1));
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.printf("%nmachine: %d cores, %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), System.getProperty("os.name"));
    }

    /** The time the scan took to read the snapshot, from its progress line ("read N files in S s"). */
    static double readSeconds(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("read \\d+ files in ([0-9.]+) s").matcher(stderr);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /**
     * Reads and reconciles the audit exports and telemetry of tenants with observations (a conversation per
     * user, five audit records per conversation), in a child JVM with the launcher's options.
     */
    private static void observations(Args a) throws Exception {
        Path work = Path.of(a.option("--work", "bench/target/tenants"));
        Path self = Path.of(BenchMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        long seed = a.longOption("--seed", 42);
        List<String> rows = new ArrayList<>();
        rows.add(String.format("%-13s %-10s %8s %9s %9s %10s %14s", "conversations", "records", "input MB", "wall s", "CPU s", "peak RSS", "records/CPU s"));
        for (String size : a.option("--sizes", "10000,100000,1000000").split(",")) {
            TenantShape shape = TenantShape.ofUsers(Integer.parseInt(size.trim()), seed).withObservations();
            Path tenant = work.resolve("observations-" + shape.users() + "-" + seed);
            // only the audit exports and telemetry: the directory and agents are not what this measures
            ensureGenerated(shape, tenant, new ObservationGenerator(shape)::write);
            Measured m = Measured.run(List.of("java", "-XX:+UseG1GC", "-XX:MaxRAMPercentage=25", "-XX:+UseStringDeduplication",
                    "-cp", self.toString(), ReconcileObservations.class.getName(), tenant.toString()));
            if (m.exitCode() != 0) throw new IllegalStateException("reconcile failed (" + m.exitCode() + "): " + m.stderr());
            double cpu = cpuSeconds(m.stdout());
            rows.add(String.format(Locale.ROOT, "%-13d %-10d %8.0f %9.2f %9.2f %7.0f MB %14.0f", shape.conversations(), shape.auditRecords(),
                    sizeMb(tenant.resolve("audit")) + sizeMb(tenant.resolve("telemetry")), m.seconds(), cpu, m.peakRssMb(),
                    shape.auditRecords() / cpu));
            System.out.println(rows.get(rows.size() - 1) + "   " + m.stdout().trim());
        }
        System.out.println();
        rows.forEach(System.out::println);
        System.out.printf("%nmachine: %d cores, %s, %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"), System.getProperty("os.name"));
    }

    /** The child's own CPU time ({@code cpu-s=…}): on a shared machine, wall time measures the neighbours too. */
    private static double cpuSeconds(String stdout) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("cpu-s=([0-9.]+)").matcher(stdout);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** Writes a tenant once: a folder with its {@code .generated} marker is reused. */
    private static void ensureGenerated(TenantShape shape, Path tenant, TenantWriter writer) throws IOException {
        Path done = tenant.resolve(".generated");
        if (Files.exists(done)) return;
        long t0 = System.nanoTime();
        writer.write(tenant);
        Files.writeString(done, shape.toString());
        System.out.printf("generated %s in %.1f s%n", shape, (System.nanoTime() - t0) / 1e9);
    }

    @FunctionalInterface
    private interface TenantWriter {
        void write(Path root) throws IOException;
    }

    private static double sizeMb(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum() / 1048576.0;
        }
    }

    /** Minimal option parsing: a command, then --name value pairs. */
    private static final class Args {
        final String command;
        final String[] rest;

        Args(String[] args) {
            command = args.length == 0 ? "" : args[0];
            rest = args;
        }

        String option(String name, String fallback) {
            for (int i = 1; i + 1 < rest.length; i++) if (rest[i].equals(name)) return rest[i + 1];
            return fallback;
        }

        int intOption(String name, int fallback) {
            return Integer.parseInt(option(name, Integer.toString(fallback)).replace("_", ""));
        }

        boolean flag(String name) {
            for (int i = 1; i < rest.length; i++) if (rest[i].equals(name)) return true;
            return false;
        }

        long longOption(String name, long fallback) {
            return Long.parseLong(option(name, Long.toString(fallback)));
        }
    }
}
