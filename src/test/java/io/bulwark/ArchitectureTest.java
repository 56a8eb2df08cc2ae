package io.bulwark;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The house layout, enforced: feature packages without cycles, plumbing knowing no feature. */
class ArchitectureTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.bulwark");

    @Test
    void featurePackages_haveNoDependencyCycles() {
        slices().matching("io.bulwark.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void plumbing_dependsOnNoFeature() {
        noClasses().that().resideInAnyPackage("io.bulwark.db..", "io.bulwark.errors..",
                        "io.bulwark.web..", "io.bulwark.crypto..")
                .should().dependOnClassesThat().resideInAnyPackage("io.bulwark.users..",
                        "io.bulwark.sites..", "io.bulwark.providers..", "io.bulwark.plugin..",
                        "io.bulwark.vulns..", "io.bulwark.portal..", "io.bulwark.login..",
                        "io.bulwark.hosting..")
                .check(MAIN);
    }

    @Test
    void onlyTheCompositionRootAndCommandLine_buildTheApp() {
        noClasses().that().resideOutsideOfPackages("io.bulwark", "io.bulwark.cli..")
                .should().dependOnClassesThat().haveFullyQualifiedName("io.bulwark.App")
                .check(MAIN);
    }

    @Test
    void classNames_avoidGrabBagSuffixes() {
        noClasses().should().haveSimpleNameEndingWith("Util")
                .orShould().haveSimpleNameEndingWith("Utils")
                .orShould().haveSimpleNameEndingWith("Manager")
                .orShould().haveSimpleNameEndingWith("Impl")
                .check(MAIN);
    }

    @Test
    void errors_areRuntimeExceptions() {
        classes().that().resideInAPackage("io.bulwark.errors")
                .should().beAssignableTo(RuntimeException.class)
                .check(MAIN);
    }
}
