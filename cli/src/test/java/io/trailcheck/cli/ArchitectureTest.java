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

    @Test
    void engineWritesNoReportFormat() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..")
                .should().dependOnClassesThat().haveSimpleNameContaining("Sarif")
                .check(CLASSES);
    }

    @Test
    void engineKnowsNoKqlAndTheQueryWriterNoCommandLine() {
        noClasses().that().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..")
                .should().dependOnClassesThat().resideInAPackage("io.trailcheck.cli.kql..")
                .check(CLASSES);
        noClasses().that().resideInAPackage("io.trailcheck.cli.kql..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..", "io.trailcheck.engine.input..")
                .check(CLASSES);
    }

    @Test
    void publicFactModelDoesNotReachIntoEngineInternals() {
        noClasses().that().resideInAPackage("io.trailcheck.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.rules..")
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
}
