import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import io.jenkins.plugins.devsecops.history.BuildRef;
import io.jenkins.plugins.devsecops.history.HistoryComparator;
import io.jenkins.plugins.devsecops.history.HistoryComparison;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the history of a real git repository (a bare copy is enough) and counts, between successive commits,
 * how many findings our fingerprints keep as OUTSTANDING and how many a (path, line, rule) identity would have
 * reported as a spurious NEW + FIXED pair. Usage:
 * bench/fingerprint-stability/run.sh GIT_DIR [GLOB=*.tf] [MAX_COMMITS=60]
 * The stage flags a few insecure Terraform settings by regular expression; what matters is the identity.
 */
public final class FingerprintStabilityBench {

    private static final Map<String, Pattern> RULES = Map.of(
            "open-cidr", Pattern.compile("0\\.0\\.0\\.0/0"),
            "unencrypted", Pattern.compile("encrypted\\s*=\\s*false"),
            "public-acl", Pattern.compile("acl\\s*=\\s*\"public-read"),
            "publicly-accessible", Pattern.compile("publicly_accessible\\s*=\\s*true"),
            "hardcoded-password", Pattern.compile("password\\s*=\\s*\""));

    public static void main(String[] args) throws Exception {
        Path gitDir = Path.of(args[0]);
        String glob = args.length > 1 ? args[1] : "*.tf";
        int max = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        List<String> commits = new ArrayList<>(run(gitDir, "log", "--format=%H", "--reverse", "--", glob));
        if (commits.size() > max) {
            commits = commits.subList(commits.size() - max, commits.size());
        }
        ScanEngine engine = new ScanEngine(new StageCatalog(List.of(new RegexStage())));
        Report previous = null;
        Map<String, Integer> naivePrevious = null;
        long outstanding = 0;
        long ours = 0;
        long naive = 0;
        long findings = 0;
        long replaced = 0;
        int pairs = 0;
        for (String commit : commits) {
            Path tree = Files.createTempDirectory("fp-");
            Process tar = new ProcessBuilder("sh", "-c", "git --git-dir='" + gitDir + "' archive " + commit
                    + " | tar -x -C '" + tree + "'").inheritIO().start();
            if (tar.waitFor() != 0) {
                throw new IllegalStateException("export failed for " + commit);
            }
            Report report = engine.scan(ScanRequest.builder(tree).threads(1).build(), ProgressListener.NONE);
            Map<String, Integer> naiveKeys = new HashMap<>();
            for (Finding finding : report.findings()) {
                naiveKeys.merge(finding.location().path() + ":" + finding.location().startLine() + ":"
                        + finding.ruleId(), 1, Integer::sum);
            }
            if (previous != null) {
                HistoryComparison comparison = HistoryComparator.compare(report, previous,
                        new BuildRef(commit, Instant.now()));
                outstanding += comparison.outstanding().size();
                Map<String, int[]> churn = new HashMap<>();
                comparison.newFindings().forEach(f -> churn.computeIfAbsent(f.location().path() + " " + f.ruleId(),
                        k -> new int[2])[0]++);
                comparison.fixed().forEach(f -> churn.computeIfAbsent(f.finding().location().path() + " "
                        + f.finding().ruleId(), k -> new int[2])[1]++);
                for (Map.Entry<String, int[]> entry : churn.entrySet()) {
                    int both = Math.min(entry.getValue()[0], entry.getValue()[1]);
                    if (both > 0) {
                        replaced += both;
                        if (System.getenv("FP_VERBOSE") != null) {
                            System.out.println(commit.substring(0, 8) + " new+fixed in " + entry.getKey() + ": " + both);
                        }
                    }
                }
                ours += comparison.newFindings().size() + comparison.fixed().size();
                int kept = 0;
                for (Map.Entry<String, Integer> key : naiveKeys.entrySet()) {
                    kept += Math.min(key.getValue(), naivePrevious.getOrDefault(key.getKey(), 0));
                }
                naive += (report.findings().size() - kept) + (previous.findings().size() - kept);
                findings += report.findings().size();
                pairs++;
            }
            previous = report;
            naivePrevious = naiveKeys;
            try (var walk = Files.walk(tree)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.printf("%d commits touching %s, %d successive pairs, %d findings compared%n", commits.size(), glob,
                pairs, findings);
        System.out.printf("fingerprints: %d outstanding, %d NEW+FIXED events%n", outstanding, ours);
        System.out.printf("of which %d pairs are a NEW and a FIXED of the same rule in the same file (edited line,"
                + " renamed block, or moved between blocks)%n", replaced);
        System.out.printf("(path, line, rule) identity: %d NEW+FIXED events (%d spurious ones avoided)%n", naive,
                naive - ours);
    }

    private static List<String> run(Path gitDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git", "--git-dir=" + gitDir));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).start();
        List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
        process.waitFor();
        return lines;
    }

    /** Flags a few insecure Terraform settings, one finding per match, without a snippet. */
    static final class RegexStage implements Stage {
        @Override
        public String id() {
            return "tf-regex";
        }

        @Override
        public String description() {
            return "bench stage";
        }

        @Override
        public StageScanner open(StageContext context) {
            return new StageScanner() {
                @Override
                public boolean accepts(SourceFile file) {
                    return file.path().endsWith(".tf");
                }

                @Override
                public void scan(SourceFile file, FindingSink sink) {
                    RULES.forEach((rule, pattern) -> {
                        Matcher matcher = pattern.matcher(file.text());
                        while (matcher.find()) {
                            int line = file.lines().lineOf(matcher.start());
                            sink.report(Finding.builder().ruleId(rule).stage("tf-regex").severity(Severity.HIGH)
                                    .title(rule).location(Location.ofLine(file.path(), line)).build());
                        }
                    });
                }
            };
        }
    }
}
