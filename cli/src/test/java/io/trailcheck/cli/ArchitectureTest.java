package io.trailcheck.cli;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Module walls: the engine knows nothing of the command line or report formats; the CLI stays thin. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trailcheck");

    @Test
    void engineAndModelKnowNothingOfTheCommandLine() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..", "io.trailcheck.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.trailcheck.cli..")
                .check(CLASSES);
    }

    /** Reports are written by the command line: the engine has no writer, generator or output stream at all. */
    @Test
    void engineWritesNoReportFormat() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..", "io.trailcheck.rules..")
                .should().dependOnClassesThat().areAssignableTo(java.io.Writer.class)
                .orShould().dependOnClassesThat().areAssignableTo(java.io.PrintStream.class)
                .orShould().dependOnClassesThat().areAssignableTo(com.fasterxml.jackson.core.JsonGenerator.class)
                .orShould().dependOnClassesThat().areAssignableTo(com.fasterxml.jackson.databind.ObjectWriter.class)
                .orShould().dependOnClassesThat().haveSimpleNameContaining("Sarif")
                .orShould().dependOnClassesThat().resideInAPackage("io.trailcheck.cli.report..")
                .check(CLASSES);
    }

    /** The query writer is a report format of the command line, yet knows nothing of picocli or the readers. */
    @Test
    void engineKnowsNoKqlAndTheQueryWriterNoCommandLine() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..")
                .should().dependOnClassesThat().resideInAPackage("io.trailcheck.cli.kql..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.trailcheck.cli.kql..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.trailcheck.engine.input..")
                .check(CLASSES);
    }

    /** The public fact model custom rules are written against depends on nothing of trailcheck's or Drools'. */
    @Test
    void publicFactModelDependsOnNoEngineNorRuleEngine() {
        noClasses().that().resideInAPackage("io.trailcheck.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.rules..",
                        "io.trailcheck.cli..", "org.kie..", "org.drools..", "com.fasterxml..", "org.yaml..")
                .check(CLASSES);
    }

    /** Readers say what the files say: no reader, nor the snapshot they make, can see the policy. */
    @Test
    void readersKnowNoPolicy() {
        noClasses().that().resideInAPackage("io.trailcheck.engine.input..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine.policy..",
                        "io.trailcheck.engine.interpret..", "io.trailcheck.engine.runtime..", "io.trailcheck.engine.scan..")
                .check(CLASSES);
    }

    /** What a plan, a channel or an exemption means is decided in one stage, not while parsing. */
    @Test
    void onlyTheInterpretationStageAppliesThePolicyToTheSnapshot() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine.directory..", "io.trailcheck.engine.parse..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine.policy..")
                .check(CLASSES);
    }

    @Test
    void commandLineDoesNotTouchParsersDirectoryOrDrools() {
        noClasses().that().resideInAPackage("io.trailcheck.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine.directory..",
                        "org.kie..", "org.drools..", "org.yaml..")
                .check(CLASSES);
    }

    @Test
    void reportWritersDoNotParseInputs() {
        noClasses().that().resideInAPackage("io.trailcheck.cli.report..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine.parse..")
                .orShould().dependOnClassesThat().haveSimpleNameEndingWith("Reader")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNothingOfHttpOrCollection() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..", "io.trailcheck.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.collect..", "java.net.http..", "com.azure..")
                .check(CLASSES);
    }

    @Test
    void onlyTheCollectRunReachesTheCollectModule() {
        // scan must not load the collect classes (nor the Azure identity library): CollectCommand holds only options.
        noClasses().that().resideInAPackage("io.trailcheck.cli..").and().doNotHaveSimpleName("CollectRun")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.collect..", "com.azure..")
                .check(CLASSES);
    }
}
