package io.trailcheck.engine.scan;

import io.trailcheck.engine.coverage.Coverage;
import io.trailcheck.engine.coverage.CoverageCalculator;
import io.trailcheck.engine.input.Snapshot;
import io.trailcheck.engine.input.SnapshotReader;
import io.trailcheck.engine.policy.Exemption;
import io.trailcheck.engine.policy.Policy;
import io.trailcheck.engine.policy.PolicyLoader;
import io.trailcheck.engine.interpret.FactSet;
import io.trailcheck.engine.interpret.Interpreter;
import io.trailcheck.engine.policy.ExemptionScope;
import io.trailcheck.engine.runtime.Evaluation;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.runtime.RulePack;
import io.trailcheck.model.Finding;
import io.trailcheck.model.Level;
import io.trailcheck.model.NotEvaluated;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The engine's facade: policy, snapshot, facts, rules, then reported findings in a total order. */
public final class Scanner {
    /** Total order so that the same inputs always give byte-identical reports. */
    public static final Comparator<ReportedFinding> ORDER = Comparator
            .comparing((ReportedFinding f) -> f.ruleId())
            .thenComparing(f -> f.finding().getLocation())
            .thenComparing(f -> f.finding().getEntity())
            .thenComparing(ReportedFinding::message);

    private final RulePack pack;
    private final Path defaultPolicyName;
    private final Supplier<InputStream> defaultPolicy;

    public Scanner(RulePack pack, Path defaultPolicyName, Supplier<InputStream> defaultPolicy) {
        this.pack = pack;
        this.defaultPolicyName = defaultPolicyName;
        this.defaultPolicy = defaultPolicy;
    }

    public Policy policy(ScanRequest request) {
        PolicyLoader loader = new PolicyLoader(request.limits(), scopesByRule(), request.today())
                .applyDefault(defaultPolicyName, defaultPolicy);
        request.policies().forEach(loader::applyOverlay);
        return loader.build();
    }

    private Map<String, java.util.Set<ExemptionScope>> scopesByRule() {
        Map<String, java.util.Set<ExemptionScope>> scopes = new LinkedHashMap<>();
        pack.catalogue().forEach((id, d) -> scopes.put(id, d.scopes().stream().map(s -> ExemptionScope.byKey(s).orElseThrow())
                .collect(java.util.stream.Collectors.toCollection(() -> java.util.EnumSet.noneOf(ExemptionScope.class)))));
        return scopes;
    }

    private java.util.function.Consumer<String> progress = message -> { };

    /** Receives one line per finished phase (read, facts, rules), with its duration. */
    public Scanner onProgress(java.util.function.Consumer<String> listener) {
        this.progress = listener;
        return this;
    }

    public ScanResult scan(ScanRequest request) {
        Policy policy = policy(request);
        long t0 = System.nanoTime();
        Snapshot snapshot = read(request);
        progress.accept(String.format(java.util.Locale.ROOT, "read %d files in %.2f s", snapshot.files().size(), (System.nanoTime() - t0) / 1e9));
        return evaluate(request, policy, snapshot);
    }

    /**
     * Scans while the scanner is being built: the snapshot is read on this thread (and its parallel
     * readers) while {@code scanner} loads and compiles the rule pack on another, since neither needs the
     * other. Failures are reported as a sequential scan reports them: rule errors, then policy errors,
     * then input errors.
     */
    public static ScanResult scan(Supplier<Scanner> scanner, ScanRequest request) {
        java.util.concurrent.FutureTask<Scanner> building = new java.util.concurrent.FutureTask<>(scanner::get);
        Thread builder = new Thread(building, "trailcheck-rule-pack");
        builder.setDaemon(true);
        builder.start();
        long t0 = System.nanoTime();
        Snapshot snapshot = null;
        RuntimeException unreadable = null;
        try {
            snapshot = read(request);
        } catch (RuntimeException e) {
            unreadable = e;
        }
        long read = System.nanoTime() - t0;
        if (unreadable instanceof io.trailcheck.engine.problem.ExhaustedException) throw unreadable;
        Scanner built = built(building, builder, scanner);
        Policy policy = built.policy(request);
        if (unreadable != null) throw unreadable;
        built.progress.accept(String.format(java.util.Locale.ROOT, "read %d files in %.2f s", snapshot.files().size(), read / 1e9));
        return built.evaluate(request, policy, snapshot);
    }

    /**
     * The rule pack from its thread; built here instead when that thread ended without a result (memory
     * ran out on it: an error there can escape the task and leave it incomplete for ever).
     */
    private static Scanner built(java.util.concurrent.FutureTask<Scanner> building, Thread builder, Supplier<Scanner> scanner) {
        try {
            while (true) {
                try {
                    return building.get(1, java.util.concurrent.TimeUnit.SECONDS);
                } catch (java.util.concurrent.TimeoutException e) {
                    if (!builder.isAlive() && !building.isDone()) return scanner.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the rule pack was built", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof Error err) throw err;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Snapshot read(ScanRequest request) {
        return new SnapshotReader(request.limits()).read(request.paths());
    }

    private ScanResult evaluate(ScanRequest request, Policy policy, Snapshot snapshot) {
        long t1 = System.nanoTime();
        FactSet facts = new Interpreter(request.today()).facts(snapshot, policy);
        long t2 = System.nanoTime();
        progress.accept(String.format("built %d facts in %.1f s", facts.facts().size(), (t2 - t1) / 1e9));
        Evaluation.Outcome outcome = new Evaluation(pack, policy, request.ruleLimits()).run(facts);
        progress.accept(String.format("evaluated %d rules in %.1f s: %d findings", pack.catalogue().size(),
                (System.nanoTime() - t2) / 1e9, outcome.findings().size()));
        List<ReportedFinding> reported = new ArrayList<>();
        for (Finding f : outcome.findings()) reported.add(report(f, policy, request));
        reported.sort(ORDER);
        List<NotEvaluated> notEvaluated = new ArrayList<>(outcome.notEvaluated());
        notEvaluated.sort(Comparator.comparing(NotEvaluated::rule).thenComparing(n -> String.valueOf(n.entity())));
        Coverage coverage = new CoverageCalculator(policy).compute(snapshot, facts.facts(), request.today());
        return new ScanResult(reported, ruleViews(policy), notEvaluated, inventory(snapshot), snapshot.conflicts(), coverage);
    }

    private ReportedFinding report(Finding f, Policy policy, ScanRequest request) {
        RuleDescriptor d = pack.rule(f.getRuleId());
        Level level = policy.levelOf(f.getRuleId(), d == null ? Level.WARNING : d.defaultLevel());
        for (int i = 0; i < f.getDemotions().size(); i++) level = level.demoted();
        String fingerprint = ReportedFinding.fingerprint(f);
        Exemption exemption = policy.exemptions().stream()
                .filter(e -> !e.isExpired(request.today()) && Exemptions.covers(e, f)).findFirst().orElse(null);
        ReportedFinding.BaselineState state = !request.hasBaseline() ? null
                : request.baseline().contains(fingerprint) ? ReportedFinding.BaselineState.UNCHANGED : ReportedFinding.BaselineState.NEW;
        return new ReportedFinding(f, level, fingerprint, exemption, state, f.getMessage());
    }

    private Map<String, ScanResult.RuleView> ruleViews(Policy policy) {
        Map<String, ScanResult.RuleView> views = new LinkedHashMap<>();
        pack.catalogue().forEach((id, d) -> views.put(id,
                new ScanResult.RuleView(d, policy.levelOf(id, d.defaultLevel()), policy.isEnabled(id))));
        return views;
    }

    private static ScanResult.Inventory inventory(Snapshot s) {
        Map<String, String> names = new java.util.TreeMap<>();
        s.agents().forEach(a -> names.put(a.schemaName(), a.displayName() == null ? a.schemaName() : a.displayName()));
        int agentUsers = s.users().map(u -> u.agentUsers()).orElse(0);
        return new ScanResult.Inventory(s.files(), s.agents().size(), s.users().map(u -> u.size()).orElse(0) - agentUsers,
                s.groups().size(), s.skus().size(), java.util.Collections.unmodifiableMap(names), s.notJudged(), agentUsers,
                s.skipped());
    }

    public RulePack pack() {
        return pack;
    }
}
