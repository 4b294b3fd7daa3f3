package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.packages.osv.AdvisorySettings;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;

/**
 * The dependency stage (SCA): reads lockfiles, manifests and Java archives of npm, Maven, Gradle, Python, Go,
 * Cargo, RubyGems, Composer and NuGet projects, matches every package version against OSV advisories (an offline
 * export or the OSV API) and puts the package inventory into the report for the CycloneDX SBOM. See
 * {@code docs/stages/dependencies.md}.
 */
public final class DependencyStage implements Stage {

    /** The stage id. */
    public static final String ID = "dependencies";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public java.util.Set<String> options() {
        // Read by AdvisorySettings; documented in docs/stages/dependencies.md.
        return AdvisorySettings.OPTIONS;
    }

    @Override
    public String description() {
        return "Known-vulnerable dependencies from lockfiles, matched against OSV advisories; package inventory for the SBOM";
    }

    @Override
    public StageScanner open(StageContext context) {
        return new DependencyScanner(context.root(), AdvisorySettings.from(context));
    }
}
