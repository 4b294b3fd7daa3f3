package io.jenkins.plugins.devsecops.sast;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageCatalog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every capability of the SAST stage on a fixture directory of small classes: true flows are marked on their sink
 * line with {@code // expect: rule} (or {@code // expect-suppressed: rule}); every other line, look-alikes made safe
 * by a constant, a sanitizer, a dead branch or a container key included, must stay quiet.
 */
class SastFixturesTest {

    private static final Pattern EXPECT = Pattern.compile("// expect(-suppressed)?: ([a-z0-9, -]+)");

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SastFixturesTest.class.getResource("fixtures/" + name).toURI());
    }

    static Report scan(Path root) throws Exception {
        return new ScanEngine(StageCatalog.builtIn()).scan(ScanRequest.builder(root).stage("sast").threads(2)
                .build(), ProgressListener.NONE);
    }

    private static List<String> expected(Path root, boolean suppressed) throws IOException {
        List<String> expected = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher matcher = EXPECT.matcher(lines.get(i));
                    if (matcher.find() && (matcher.group(1) != null) == suppressed) {
                        for (String rule : matcher.group(2).split(",")) {
                            expected.add(root.relativize(file).toString().replace('\\', '/') + ":" + (i + 1) + " "
                                    + rule.trim());
                        }
                    }
                }
            }
        }
        return expected;
    }

    private static List<String> actual(Report report, boolean suppressed) {
        return report.findings().stream().filter(f -> f.isSuppressed() == suppressed)
                .map(f -> f.location().path() + ":" + f.location().startLine() + " " + f.ruleId()).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"sql", "xss", "constants", "containers", "summaries", "crypto", "cookies", "paths",
            "spring", "suppressions", "syntax", "frontend", "statics", "lambdas"})
    void shouldReportExactlyTheMarkedFlows(String name) throws Exception {
        Path root = fixture(name);

        Report report = scan(root);

        assertThat(new TreeSet<>(actual(report, false))).as("active findings in %s", name)
                .isEqualTo(new TreeSet<>(expected(root, false)));
        assertThat(new TreeSet<>(actual(report, true))).as("suppressed findings in %s", name)
                .isEqualTo(new TreeSet<>(expected(root, true)));
        assertThat(report.stages().get(0).errors()).as("notes in %s", name).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void shouldReanalyseAReaderWhenAStaticFieldItReadsChangesInALaterRound() throws Exception {
        // ConfigReader is analysed first; the field it reads becomes tainted only in the second round (through
        // Wrap.brackets, analysed after its caller StoreWriter.update), so its first result must not be reused
        Report report = scan(fixture("statics"));

        assertThat(report.findings()).filteredOn(f -> f.location().path().equals("app/ConfigReader.java"))
                .extracting(f -> f.location().startLine() + " " + f.properties().get("sourceLocation"))
                .containsExactly("13 app/StoreWriter.java:10");
        var stage = report.stages().get(0).properties();
        int methods = Integer.parseInt(stage.get("sast.methods"));
        int rounds = Integer.parseInt(stage.get("sast.rounds"));
        int analyses = Integer.parseInt(stage.get("sast.analyses"));
        assertThat(rounds).isGreaterThanOrEqualTo(3);
        assertThat(analyses).as("methods whose inputs did not change are reused").isLessThan(methods * (rounds + 1));
    }

    @org.junit.jupiter.api.Test
    void shouldTraceAFlowAcrossClassesWithEachStepAndAStableFingerprint() throws Exception {
        Report report = scan(fixture("summaries"));

        Finding sql = report.findings().stream().filter(f -> f.ruleId().equals("sql-injection")).findFirst()
                .orElseThrow();
        assertThat(sql.cwes()).containsExactly("CWE-89");
        assertThat(sql.trace()).extracting(s -> s.location().path() + ":" + s.location().startLine() + " "
                + s.message()).containsExactly(
                        "app/Controller.java:12 source: HttpServletRequest.getParameter(...)",
                        "app/Controller.java:13 passed to JdbcUserDao.findByName(name)",
                        "app/JdbcUserDao.java:11 parameter name of JdbcUserDao.findByName",
                        "app/JdbcUserDao.java:13 sink: Statement.executeQuery(...)");
        assertThat(sql.fingerprint()).isEqualTo(scan(fixture("summaries")).findings().stream()
                .filter(f -> f.ruleId().equals("sql-injection")).findFirst().orElseThrow().fingerprint());
    }
}
