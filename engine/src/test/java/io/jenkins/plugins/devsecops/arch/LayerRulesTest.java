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
}
