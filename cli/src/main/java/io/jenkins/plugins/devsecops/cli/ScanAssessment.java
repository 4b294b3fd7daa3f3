package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.assessment.Assessment;
import io.jenkins.plugins.devsecops.assessment.Assessor;
import io.jenkins.plugins.devsecops.assessment.HistoryDirectory;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.LayeredPolicy;
import io.jenkins.plugins.devsecops.policy.PolicyCheck;
import io.jenkins.plugins.devsecops.policy.PolicyLayer;
import io.jenkins.plugins.devsecops.policy.PolicyLayering;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.summary.SummaryStore;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The CLI's side of an assessment: loads the policy layers (repository file, then {@code --fail-on} as the step
 * layer), the suppressions and the reference from the history directory, assesses with the engine, and records the
 * result in the history directory.
 */
final class ScanAssessment {

    private final Path root;
    private final Path policyFile;
    private final Path suppressionsFile;
    private final Path historyDir;
    private final Severity failOn;
    private final String buildId;
    private final TreeFiles tree;
    private boolean defaultPolicy = true;

    /**
     * @param policyFile an explicit policy file, or {@code null} for {@code devsecops-policy.yaml} in the root if any
     * @param suppressionsFile an explicit file, or {@code null} for {@code .devsecops/suppressions.yaml} if any
     * @param historyDir the history directory, or {@code null} to keep no history
     */
    ScanAssessment(Path root, Path policyFile, Path suppressionsFile, Path historyDir, Severity failOn,
            String buildId) {
        this.root = root;
        this.policyFile = policyFile;
        this.suppressionsFile = suppressionsFile;
        this.historyDir = historyDir;
        this.failOn = failOn;
        this.buildId = buildId;
        this.tree = new TreeFiles(root);
    }

    private LayeredPolicy policy;
    private List<SuppressionEntry> suppressions;

    /** Whether the engine's default policy applies when the root has no policy file ({@code --no-default-policy}). */
    ScanAssessment defaultPolicy(boolean value) {
        defaultPolicy = value;
        return this;
    }

    /**
     * Reads the policy and the suppressions, so that a broken file stops the command before the scan.
     *
     * @throws io.jenkins.plugins.devsecops.yaml.YamlInputException naming file, line and column of a problem
     */
    void prepare() throws IOException {
        policy = readPolicy();
        suppressions = readSuppressions();
    }

    /**
     * The effective policy: the repository file (or, without one, the engine's default policy), then the command
     * line's gates.
     */
    private LayeredPolicy readPolicy() throws IOException {
        List<PolicyLayer> layers = new ArrayList<>();
        Path file = policyFile != null ? policyFile : root.resolve(PolicyYaml.FILE_NAME);
        if (policyFile != null || tree.isPresent(file)) {
            requireFile(file, "--policy");
            String name = String.valueOf(file.getFileName());
            String text = tree.readText(file, StrictYamlReader.MAX_BYTES);
            checkPolicy(text, name, file);
            layers.add(PolicyLayer.repository(name, PolicyYaml.parse(text, name)));
        } else if (defaultPolicy) {
            layers.add(PolicyLayer.defaults());
        }
        if (failOn != null) {
            layers.add(PolicyLayer.step(SecurityPolicy.builder().failOn(failOn).build()));
        }
        return PolicyLayering.merge(layers);
    }

    /**
     * Stops at a broken policy with its first problem and how many more there are ({@code devsecops policy check}
     * lists them all).
     */
    private static void checkPolicy(String text, String name, Path file) throws YamlInputException {
        List<YamlInputException> problems = PolicyCheck.check(text, name);
        if (problems.size() > 1) {
            YamlInputException first = problems.get(0);
            throw new YamlInputException(first.source(), first.line(), first.column(), first.problem() + " (and "
                    + (problems.size() - 1) + " more: devsecops policy check " + file + " lists them all)", first);
        }
    }

    /** A named file that does not exist is a usage error that says so, not a bare path. */
    private static void requireFile(Path file, String option) throws YamlInputException {
        if (!Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            throw new YamlInputException(option + " " + file, 0, 0, "file not found", null);
        }
    }

    private List<SuppressionEntry> readSuppressions() throws IOException {
        Path file = suppressionsFile != null ? suppressionsFile : root.resolve(SuppressionFile.DEFAULT_PATH);
        if (suppressionsFile == null && !tree.isPresent(file)) {
            return List.of();
        }
        requireFile(file, "--suppressions");
        String name = tree.displayName(file);
        return SuppressionFile.parse(tree.readText(file, StrictYamlReader.MAX_BYTES), name);
    }

    /** Assesses {@code report} and records it in the history directory. */
    Assessment assess(Report report, PrintWriter err) throws IOException {
        if (policy == null) {
            prepare();
        }
        Report reference = null;
        String id = buildId;
        HistoryDirectory history = historyDir == null ? null : new HistoryDirectory(historyDir, tree);
        if (history != null) {
            try {
                reference = history.lastReport().orElse(null);
            } catch (IOException e) {
                err.println("warning: no reference build: " + e.getMessage());
            }
            if (id == null) {
                SummaryStore.Loaded loaded;
                try {
                    loaded = history.summaries().load();
                } catch (IOException e) {
                    err.println("warning: no trends: " + e.getMessage());
                    loaded = new SummaryStore.Loaded(List.of(), 0);
                }
                if (loaded.warning() != null) {
                    err.println("warning: " + loaded.warning());
                }
                id = nextBuildId(loaded.summaries());
            }
        }
        Instant time = report.startedAt();
        Assessment assessment = Assessor.assess(report, policy, suppressions, reference,
                new BuildRef(id == null ? "1" : id, time));
        if (history != null) {
            try {
                history.record(assessment);
            } catch (IOException e) {
                err.println("warning: the history was not updated: " + e.getMessage());
            }
        }
        return assessment;
    }

    /** One more than the newest numeric build id, or the count of builds plus one. */
    static String nextBuildId(List<BuildSummary> summaries) {
        if (summaries.isEmpty()) {
            return "1";
        }
        String last = summaries.get(summaries.size() - 1).build();
        Optional<Long> number;
        try {
            number = Optional.of(Long.parseLong(last));
        } catch (NumberFormatException e) {
            number = Optional.empty();
        }
        return String.valueOf(number.map(n -> n + 1).orElse((long) summaries.size() + 1));
    }
}
