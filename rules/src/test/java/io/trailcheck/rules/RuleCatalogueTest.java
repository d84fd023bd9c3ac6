package io.trailcheck.rules;

import io.trailcheck.engine.cases.CaseRunner;
import io.trailcheck.engine.cases.Expectation;
import io.trailcheck.engine.cases.ExpectationReader;
import io.trailcheck.engine.runtime.RuleDescriptor;
import io.trailcheck.engine.scan.Scanner;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Invariants over the whole built-in catalogue; each failure lists every offender. */
class RuleCatalogueTest {
    private static final Scanner SCANNER = Trailcheck.scanner(List.of());

    @Test
    void everyRuleHasMetadataAndHelp() {
        List<String> offenders = new ArrayList<>();
        for (RuleDescriptor d : SCANNER.pack().catalogue().values()) {
            if (!d.id().matches("CIL\\d{3}")) offenders.add(d.id() + ": id must look like CIL000");
            if (d.name().equalsIgnoreCase(d.id())) offenders.add(d.id() + ": name equals id");
            if (!d.help().contains("## How to fix")) offenders.add(d.id() + ": help lacks a \"How to fix\" section");
            if (!d.help().contains("## Examples")) offenders.add(d.id() + ": help lacks examples");
            if (d.tags().isEmpty()) offenders.add(d.id() + ": no @tags");
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyRuleHasAFiringAndASilentCase() {
        Set<String> firing = new HashSet<>();
        Set<String> silent = new HashSet<>();
        for (Path folder : CaseRunner.discover(List.of(RuleCasesTest.CASES))) {
            Expectation e = new ExpectationReader(SCANNER.pack().catalogue().keySet()).read(folder.resolve(CaseRunner.EXPECT_FILE));
            e.findings().forEach(f -> firing.add(f.rule()));
            silent.addAll(e.absent());
            e.rules().stream().filter(r -> e.findings().stream().noneMatch(f -> f.rule().equals(r))).forEach(silent::add);
        }
        List<String> offenders = new ArrayList<>();
        for (String id : SCANNER.pack().catalogue().keySet()) {
            if (!firing.contains(id)) offenders.add(id + ": no case where it fires");
            if (!silent.contains(id)) offenders.add(id + ": no case where it stays silent");
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void defaultPolicyNamesEveryRule() {
        var policy = SCANNER.policy(io.trailcheck.engine.scan.ScanRequest.of(List.of()));
        List<String> offenders = new ArrayList<>();
        for (String id : SCANNER.pack().catalogue().keySet()) {
            if (policy.rule(id).level() == null) offenders.add(id + ": policies/default.yaml gives no level");
        }
        assertEquals(List.of(), offenders);
    }
}
