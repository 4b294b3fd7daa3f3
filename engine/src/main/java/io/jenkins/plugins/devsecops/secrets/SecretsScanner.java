package io.jenkins.plugins.devsecops.secrets;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.HistoryPathFilter;
import io.jenkins.plugins.devsecops.scan.LineIndex;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntUnaryOperator;

/** One scan of the secrets stage: files as the engine hands them over, then git history if asked. Thread-safe. */
final class SecretsScanner implements StageScanner {

    /** Default cap on the commits one history scan walks. */
    static final int DEFAULT_MAX_COMMITS = 100_000;

    private final StageContext context;
    private final SecretDetector detector;
    private final LoadedRules userRules;
    private final SecretFindings findings;
    /**
     * With history: the working tree's findings by fingerprint, which the history scan completes with where and when
     * each was committed, so that a secret in both is one finding (and one baseline suppression covers it).
     */
    private final Map<String, Finding> treeFindings;

    SecretsScanner(StageContext context, SecretDetector detector, LoadedRules userRules) {
        this.context = context;
        this.detector = detector;
        this.userRules = userRules;
        this.findings = new SecretFindings(detector::hasRule);
        this.treeFindings = context.flag("history") ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public void scan(SourceFile file, FindingSink sink) {
        // Decoded only when a keyword occurs: most files hold none.
        List<SecretMatch> matches = detector.detect(file.path(), file.bytes(),
                ascii -> ascii ? file.asciiText() : file.text(), sink::warning);
        if (matches.isEmpty()) {
            return;
        }
        String text = file.text();
        for (SecretMatch match : matches) {
            sink.secretValue(text.subSequence(match.secretStart(), match.secretEnd()));
        }
        // The same secret written several times in one file is one finding, at its first occurrence.
        Map<String, Finding> unique = new LinkedHashMap<>();
        Map<String, Integer> occurrences = new HashMap<>();
        // Lines are counted only as far as the last secret: most of a large file has none.
        int last = 0;
        for (SecretMatch match : matches) {
            last = Math.max(last, match.secretEnd());
        }
        LineIndex lines = LineIndex.through(text, last);
        for (Finding finding : findings.create(file.path(), text, lines, matches, IntUnaryOperator.identity())) {
            unique.putIfAbsent(finding.fingerprint(), finding);
            occurrences.merge(finding.fingerprint(), 1, Integer::sum);
        }
        for (Finding finding : unique.values()) {
            int count = occurrences.get(finding.fingerprint());
            Finding reported = count == 1 ? finding
                    : finding.toBuilder().property("occurrences", String.valueOf(count)).build();
            if (treeFindings != null) {
                treeFindings.putIfAbsent(reported.fingerprint(), reported);
            }
            sink.report(reported);
        }
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        for (RuleProblem problem : userRules.problems()) {
            sink.error(problem.file(), "Secret rule not loaded: " + problem.describe());
        }
        sink.property("rules", String.valueOf(detector.rules().size()));
        if (!userRules.rules().isEmpty()) {
            sink.property("userRules", String.valueOf(userRules.rules().size()));
        }
        if (context.flag("history")) {
            int maxCommits = DEFAULT_MAX_COMMITS;
            String option = context.option("maxCommits").orElse(null);
            if (option != null) {
                try {
                    maxCommits = Integer.parseInt(option.strip());
                } catch (NumberFormatException e) {
                    sink.error(null, "secrets.maxCommits must be a whole number, not '" + option + "'; using "
                            + DEFAULT_MAX_COMMITS);
                }
            }
            new GitHistoryScan(detector, findings, context.request().maxFileSize(), Math.max(1, maxCommits),
                    context.option("since").map(String::strip).filter(s -> !s.isEmpty()).orElse(null),
                    new HistoryPathFilter(context.request()), treeFindings, context.request().threads())
                    .run(context.root(), sink);
        }
    }
}
