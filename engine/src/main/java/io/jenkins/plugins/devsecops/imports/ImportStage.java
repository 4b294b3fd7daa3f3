package io.jenkins.plugins.devsecops.imports;

import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;

/**
 * The {@code imports} stage: reads the reports of other security tools (SARIF 2.1.0 from any tool, and the
 * native JSON or XML of Trivy, Grype, Gitleaks, Semgrep, OWASP Dependency-Check, OWASP ZAP, Checkov, Bandit,
 * npm audit and SpotBugs/FindSecBugs) into findings, merging those several tools agree on.
 *
 * <p>Enabled by default, it does nothing until patterns are given with the option {@code imports.patterns}
 * ({@code FORMAT:GLOB} separated by {@code ;}; the CLI's {@code --import}). Other options:
 * {@code imports.maxReportSize} (bytes, default 256 MiB), {@code imports.maxEntries} (entries read per scan,
 * default 200,000) and {@code imports.merge} ({@code false} keeps every tool's finding apart).
 */
public final class ImportStage implements Stage {

    /** The stage id. */
    public static final String ID = "imports";

    /** Stage property: the import patterns that matched no file, separated by {@code ;}. */
    public static final String UNMATCHED_PATTERNS = ImportScanner.UNMATCHED;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public java.util.Set<String> options() {
        // Read by ImportScanner; documented in docs/stages/imports.md.
        return java.util.Set.of("patterns", "maxReportSize", "maxEntries", "merge", "allowMissing");
    }

    @Override
    public String description() {
        return "Imports SARIF and the reports of Trivy, Grype, Gitleaks, Semgrep, Dependency-Check, ZAP, Checkov, "
                + "Bandit, npm audit and SpotBugs";
    }

    @Override
    public StageScanner open(StageContext context) {
        return new ImportScanner(context, ReportParsers.builtIn());
    }
}
