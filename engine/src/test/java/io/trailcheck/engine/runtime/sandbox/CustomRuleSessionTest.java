package io.trailcheck.engine.runtime.sandbox;

import io.trailcheck.model.EntityRef;
import io.trailcheck.model.Finding;
import io.trailcheck.model.SourceLocation;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session custom rules run in, below the code check: even a rule that reached the session (which the
 * check refuses) cannot halt it unnoticed, and the built-in findings it sees are copies.
 */
class CustomRuleSessionTest {
    private static final Finding BUILT_IN = new Finding("CIL001", EntityRef.agent("cr6b1_faqBot"),
            SourceLocation.startOf(Path.of("agents/faq-bot/settings.mcs.yml"))).message("unlogged").property("groups", new java.util.ArrayList<>(List.of("g1")));

    private static KieBase compile(String drl) {
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder();
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        assertTrue(builder.getErrors().isEmpty(), builder.getErrors().toString());
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(builder.getKnowledgePackages());
        return base;
    }

    private static List<Finding> run(KieBase base) {
        return new CustomRuleSession(base, new BoundedFiring(1000, Duration.ofSeconds(30), true), 100, Set.of("CIL001"))
                .run(List.of(), List.of(BUILT_IN), match -> true);
    }

    @Test
    void aRuleThatHaltsTheSessionIsTheRulesFailure() {
        KieBase base = compile("""
                package custom.halt;
                import io.trailcheck.model.*;
                rule "first: halts" @id("EVIL002") salience 100 when Finding( ruleId == "CIL001" ) then drools.halt(); end
                rule "second: would report" @id("EVIL003") when $f : Finding( ruleId == "CIL001" ) then
                    insert(Finding.of(drools, $f.getEntity(), $f.getLocation()));
                end
                """);
        RuleFailure f = assertThrows(RuleFailure.class, () -> run(base));
        assertEquals("first: halts", f.rule().getName());
        assertTrue(f.getMessage().startsWith("halted the session"), f.getMessage());
    }

    @Test
    void changingACopyLeavesTheBuiltInFindingAsItWas() {
        KieBase base = compile("""
                package custom.copy;
                import io.trailcheck.model.*;
                import java.util.List;
                rule "changes the copy in place" @id("EVIL004") when $f : Finding( ruleId == "CIL001" ) then
                    $f.demote("hidden");
                    ((List) $f.getProperties().get("groups")).clear();
                end
                """);
        RuleFailure f = assertThrows(RuleFailure.class, () -> run(base), "the copy's collections are read-only");
        assertTrue(f.getMessage().contains("UnsupportedOperationException"), f.getMessage());
        assertEquals(List.of(), BUILT_IN.getDemotions());
        assertEquals(List.of("g1"), BUILT_IN.getProperties().get("groups"));
    }
}
