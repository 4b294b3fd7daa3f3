package io.jenkins.plugins.devsecops.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine is Jenkins-free: the plugin adapts it, never the reverse. */
@AnalyzeClasses(packages = "io.jenkins.plugins.devsecops", importOptions = ImportOption.DoNotIncludeTests.class)
class LayerRulesTest {

    @ArchTest
    static final ArchRule ENGINE_HAS_NO_JENKINS_IMPORTS = noClasses().should()
            .dependOnClassesThat().resideInAnyPackage("hudson..", "jenkins..", "org.kohsuke.stapler..");

    @ArchTest
    static final ArchRule MODEL_DEPENDS_ON_NO_STAGE = noClasses().that()
            .resideInAPackage("..devsecops.model..").should().dependOnClassesThat()
            .resideInAnyPackage("..devsecops.scan..", "..devsecops.secrets..", "..devsecops.report..");

    private static final String[] STAGES = {"..devsecops.secrets..", "..devsecops.dependencies..", "..devsecops.iac..",
        "..devsecops.imports..", "..devsecops.images.."};

    /** Stages never reach into each other: what two stages share goes down a floor (e.g. {@code packages}). */
    @ArchTest
    static final ArchRule IMAGES_DEPEND_ON_NO_OTHER_STAGE = noClasses().that().resideInAPackage("..devsecops.images..")
            .should().dependOnClassesThat().resideInAnyPackage("..devsecops.secrets..", "..devsecops.dependencies..",
                    "..devsecops.iac..", "..devsecops.imports..");

    @ArchTest
    static final ArchRule DEPENDENCIES_DEPEND_ON_NO_OTHER_STAGE = noClasses().that()
            .resideInAPackage("..devsecops.dependencies..").should().dependOnClassesThat().resideInAnyPackage(
                    "..devsecops.secrets..", "..devsecops.images..", "..devsecops.iac..", "..devsecops.imports..");

    /** The package floor (ecosystems, versions, OSV, lockfile readers) serves the stages and knows none of them. */
    @ArchTest
    static final ArchRule PACKAGES_DEPEND_ON_NO_STAGE = noClasses().that().resideInAPackage("..devsecops.packages..")
            .should().dependOnClassesThat().resideInAnyPackage(STAGES);
}
