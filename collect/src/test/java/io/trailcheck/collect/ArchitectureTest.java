package io.trailcheck.collect;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** collect knows the file names scan reads, nothing of how scan reads them. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.trailcheck.collect");

    @Test
    void collectDoesNotDependOnTheEngineOrTheCommandLine() {
        noClasses().that().resideInAPackage("io.trailcheck.collect..")
                .should().dependOnClassesThat().resideInAnyPackage("io.trailcheck.engine..", "io.trailcheck.model..",
                        "io.trailcheck.rules..", "io.trailcheck.cli..", "picocli..", "org.kie..", "org.drools..")
                .check(CLASSES);
    }

    @Test
    void onlyTheSignInPackageTouchesTheAzureIdentityLibrary() {
        noClasses().that().resideInAPackage("io.trailcheck.collect..").and().resideOutsideOfPackage("io.trailcheck.collect.auth..")
                .should().dependOnClassesThat().resideInAnyPackage("com.azure..", "com.microsoft.aad..")
                .check(CLASSES);
    }

    @Test
    void pagesAreSavedRawNeverThroughADataModel() {
        noClasses().that().resideInAPackage("io.trailcheck.collect..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson.databind..")
                .check(CLASSES);
    }
}
