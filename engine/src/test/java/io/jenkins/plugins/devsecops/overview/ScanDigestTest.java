package io.jenkins.plugins.devsecops.overview;

import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.log4j;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.report;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.secret;
import static io.jenkins.plugins.devsecops.overview.OverviewFixtures.summaries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The per-job digest the overview reads instead of every build: model, incremental upkeep and file codec. */
class ScanDigestTest {

    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    /** {@code builds} assessed reports, one every two days, a secret added every third build, fixed every fifth. */
    private static List<BuildSummary> history(int builds) {
        List<Report> reports = new ArrayList<>();
        List<Finding> findings = new ArrayList<>(List.of(log4j()));
        for (int b = 0; b < builds; b++) {
            if (b % 3 == 0) {
                findings.add(secret("conf/app-" + b + ".env", 3, b % 2 == 0 ? Severity.HIGH : Severity.CRITICAL));
            }
            if (b % 5 == 4 && findings.size() > 1) {
                findings.remove(1);
            }
            reports.add(report(START.plus(Duration.ofDays(2L * b)), List.copyOf(findings), b % 7 == 6));
        }
        return summaries(reports);
    }

    @Test
    void shouldGiveTheSameOverviewAsEveryBuildWouldAndStayBounded() throws IOException {
        // Given 90 builds over six months, digested build by build as the run listener does
        List<BuildSummary> summaries = history(90);
        ScanDigest incremental = null;
        for (BuildSummary summary : summaries) {
            incremental = incremental == null ? ScanDigest.of("default", "DevSecOps Scan", List.of(summary))
                    : incremental.with(summary);
        }

        // Then it equals the digest of all builds at once, and a build digested twice counts once
        ScanDigest whole = ScanDigest.of("default", "DevSecOps Scan", summaries);
        assertThat(incremental).isEqualTo(whole);
        assertThat(whole.with(summaries.get(89))).isEqualTo(whole);
        assertThat(whole.with(summaries.get(80))).isEqualTo(whole);

        // And it holds the newest state, the last 20 sparkline points and the MTTR inputs of every build
        BuildSummary newest = summaries.get(89);
        assertThat(whole.latest().build()).isEqualTo("90");
        assertThat(whole.latest().openBySeverity()).isEqualTo(newest.openBySeverity());
        assertThat(whole.latest().tools()).isEmpty();
        assertThat(whole.sparkline()).hasSize(OverviewRow.SPARKLINE_POINTS);
        assertThat(whole.sparkline().get(19).build()).isEqualTo("90");
        assertThat(whole.sparklineValues().get(19)).isEqualTo(newest.openBySeverity()[0] + newest.openBySeverity()[1]
                + newest.openBySeverity()[2] + newest.openBySeverity()[3] + newest.openBySeverity()[4]);
        long fixed = summaries.stream().mapToLong(BuildSummary::remediated).sum();
        double days = summaries.stream().mapToDouble(BuildSummary::remediationDays).sum();
        assertThat(fixed).isPositive();
        assertThat(whole.mttrDays()).isCloseTo(days / fixed, within(1e-9));
        assertThat(whole.weeks()).hasSize(ScanDigest.WEEKS);
        assertThat(whole.recentBuilds()).hasSize(ScanDigest.RECENT);

        // And the overview row and trends from the digest equal those from the 90 summaries (the old reading)
        ScanHistory digested = new ScanHistory("team/app", null, "team", "job/team/job/app/", Set.of(), whole);
        SecurityOverview overview = SecurityOverview.of(List.of(digested), OverviewQuery.all(), NOW);
        OverviewRow row = overview.rows().get(0);
        assertThat(row.build()).isEqualTo("90");
        assertThat(row.open()).isEqualTo(newest.openBySeverity());
        assertThat(row.added()).isEqualTo(sum(newest.addedBySeverity()));
        assertThat(row.incompleteStages()).isEqualTo(newest.incompleteStages());
        assertThat(row.sparkline()).isEqualTo(whole.sparklineValues());
        OrganisationTrends trends = overview.trends();
        OrganisationTrends expected = trendsFromEveryBuild(summaries, NOW);
        assertThat(trends.openBySeverity()).isEqualTo(expected.openBySeverity());
        assertThat(trends.added()).isEqualTo(expected.added());
        assertThat(trends.fixed()).isEqualTo(expected.fixed());
        assertThat(trends.slaCompliance()).isEqualTo(expected.slaCompliance());

        // And its file stays small whatever the number of builds, and reads back equal
        String file = ScanDigestJson.write(List.of(whole));
        assertThat(file.length()).isLessThan(8_000);
        assertThat(ScanDigestJson.read(file)).containsExactly(whole);
        ScanDigest longer = whole;
        for (BuildSummary summary : history(400).subList(90, 400)) {
            longer = longer.with(summary);
        }
        assertThat(ScanDigestJson.write(List.of(longer)).length()).isLessThan(8_000);
    }

    /** The trends as they are defined, week by week over every build's summary (what the digest must reproduce). */
    private static OrganisationTrends trendsFromEveryBuild(List<BuildSummary> summaries, Instant now) {
        int weeks = OrganisationTrends.DEFAULT_WEEKS;
        java.time.LocalDate first = WeekBucket.mondayOf(now).minusWeeks(weeks - 1L);
        java.util.Map<Severity, List<Integer>> open = new java.util.EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            open.put(severity, new ArrayList<>());
        }
        List<Integer> added = new ArrayList<>();
        List<Integer> fixed = new ArrayList<>();
        List<Double> sla = new ArrayList<>();
        for (int w = 0; w < weeks; w++) {
            java.time.LocalDate monday = first.plusWeeks(w);
            BuildSummary state = null;
            int weekAdded = 0;
            int weekFixed = 0;
            for (BuildSummary summary : summaries) {
                java.time.LocalDate week = WeekBucket.mondayOf(summary.time());
                if (!week.isAfter(monday)) {
                    state = summary;
                }
                if (week.equals(monday)) {
                    weekAdded += sum(summary.addedBySeverity());
                    weekFixed += sum(summary.fixedBySeverity());
                }
            }
            for (Severity severity : Severity.values()) {
                open.get(severity).add(state == null ? 0 : state.open(severity));
            }
            added.add(weekAdded);
            fixed.add(weekFixed);
            sla.add(state == null || state.slaTracked() == 0 ? null
                    : 100.0 * (state.slaTracked() - Math.min(state.overdue(), state.slaTracked())) / state.slaTracked());
        }
        return new OrganisationTrends(List.of(), open, added, fixed, sla, java.util.Map.of());
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int count : counts) {
            total += count;
        }
        return total;
    }

    @Test
    void shouldKeepBuildsThatCompleteOutOfOrderAndForgetDeletedOnes() {
        List<BuildSummary> summaries = history(6);
        // Given builds 1, 2, 3, 5, 6 digested and build 4 completing last (concurrent builds)
        ScanDigest digest = ScanDigest.of("default", null, List.of(summaries.get(0), summaries.get(1),
                summaries.get(2), summaries.get(4), summaries.get(5)));
        ScanDigest late = digest.with(summaries.get(3));

        // Then the newest state stays build 6's, build 4 takes its place in the sparkline, and all equals in-order
        assertThat(late.latest().build()).isEqualTo("6");
        assertThat(late.sparkline()).extracting(SparkPoint::build).containsExactly("1", "2", "3", "4", "5", "6");
        ScanDigest inOrder = ScanDigest.of("default", null, summaries);
        assertThat(late).usingRecursiveComparison().ignoringFields("recentBuilds").isEqualTo(inOrder);
        assertThat(late.recentBuilds()).containsExactlyInAnyOrderElementsOf(inOrder.recentBuilds());
        assertThat(late.scanName()).isEqualTo("default");

        // When an older build is deleted, its point goes but its week's counts stay (they happened)
        ScanDigest without = late.without("2").orElseThrow();
        assertThat(without.sparkline()).extracting(SparkPoint::build).containsExactly("1", "3", "4", "5", "6");
        assertThat(without.weeks()).isEqualTo(late.weeks());
        assertThat(without.with(summaries.get(1))).isEqualTo(without);
        // When the newest is deleted, the digest must be made again from the builds that are left
        assertThat(late.without("6")).isEmpty();
    }

    @Test
    void shouldRefuseDamagedOrForeignFilesWithAClearMessage() throws IOException {
        ScanDigest digest = ScanDigest.of("default", "Scan", history(3));
        String good = ScanDigestJson.write(List.of(digest, ScanDigest.of("images", "Images", history(2))));
        assertThat(ScanDigestJson.read(good)).hasSize(2);
        assertThat(ScanDigestJson.read("{\"version\":1,\"scans\":[],\"later\":{\"x\":[1]}}")).isEmpty();

        assertThatThrownBy(() -> ScanDigestJson.read(good.substring(0, good.length() / 2)))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ScanDigestJson.read("{\"version\":2,\"scans\":[]}"))
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> ScanDigestJson.read("{\"scans\":[]}")).hasMessageContaining("without a version");
        assertThatThrownBy(() -> ScanDigestJson.read(good.replaceFirst("\"endOverdue\":\\d+", "\"endOverdue\":-3")))
                .hasMessageContaining("negative");
        assertThatThrownBy(() -> ScanDigestJson.read(good.replaceFirst("\"endOpen\":\\[", "\"endOpen\":[1,2,3,4,5,")))
                .hasMessageContaining("more than 5");
        assertThatThrownBy(() -> ScanDigestJson.read(good.replaceFirst("\"scanId\":\"default\",", "")))
                .hasMessageContaining("without scanId");
        assertThatThrownBy(() -> ScanDigestJson.read(" ".repeat(ScanDigestJson.MAX_CHARS + 1)))
                .hasMessageContaining("too large");
        assertThatThrownBy(() -> ScanDigestJson.read("[".repeat(100))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> ScanDigestJson.read(good.replace("\"2026-", "\"20x6-")))
                .isInstanceOf(IOException.class);
    }

    @Test
    void shouldShowABuildThatNeverRanTheRequiredScanAsFailed() {
        io.jenkins.plugins.devsecops.policy.LayeredPolicy policy = io.jenkins.plugins.devsecops.policy.PolicyLayering
                .merge(List.of(io.jenkins.plugins.devsecops.policy.PolicyLayer.folder("team",
                        io.jenkins.plugins.devsecops.policy.SecurityPolicy.builder().requiredStage("dependencies")
                                .build())));
        io.jenkins.plugins.devsecops.policy.MissingScan missing = io.jenkins.plugins.devsecops.policy.MissingScan
                .of(policy, "12", NOW).orElseThrow();
        ScanDigest digest = ScanDigest.of("default", "DevSecOps Scan", List.of(missing.summary()));
        OverviewRow row = SecurityOverview.of(List.of(new ScanHistory("team/app", null, "team", "job/team/job/app/",
                Set.of(), digest)), OverviewQuery.all(), NOW).rows().get(0);
        assertThat(row.verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(row.incompleteStages()).containsExactly("dependencies");
        assertThat(row.findingsUrl()).isEqualTo("job/team/job/app/12/default/");
        assertThat(digest.sparkline()).isEmpty();
        assertThat(digest.weeks()).isEmpty();

        // And after real scans, a build without one fails the row but leaves the trends' open counts as they were
        List<BuildSummary> scanned = history(5);
        ScanDigest before = ScanDigest.of("default", null, scanned);
        BuildSummary skipped = io.jenkins.plugins.devsecops.policy.MissingScan
                .of(policy, "6", scanned.get(4).time().plus(Duration.ofDays(1))).orElseThrow().summary();
        ScanDigest after = before.with(skipped);
        assertThat(after.latest().build()).isEqualTo("6");
        assertThat(after.latest().verdict()).isEqualTo(PolicyVerdict.FAILED);
        assertThat(after.sparkline()).isEqualTo(before.sparkline());
        assertThat(after.weeks()).isEqualTo(before.weeks());
        assertThat(after.mttrDays()).isEqualTo(before.mttrDays());
        assertThat(after.with(skipped)).isEqualTo(after);
        Instant weekAfter = scanned.get(4).time().plus(Duration.ofDays(3));
        assertThat(SecurityOverview.of(List.of(new ScanHistory("a", null, "", "", Set.of(), after)),
                OverviewQuery.all(), weekAfter).trends().openBySeverity())
                .isEqualTo(SecurityOverview.of(List.of(new ScanHistory("a", null, "", "", Set.of(), before)),
                        OverviewQuery.all(), weekAfter).trends().openBySeverity());
    }

    @Test
    void shouldGiveTheColumnAndPortletTheNewestBuildsWorstVerdictAndCounts() {
        // Given a job with two scan ids: "default" newest in build 6, "images" last run in build 3
        List<BuildSummary> summaries = history(6);
        ScanDigest scan = ScanDigest.of("default", null, summaries);
        ScanDigest images = ScanDigest.of("images", null, summaries.subList(0, 3));

        // Then the glance is build 6's, from its scans only, linking to its first scan
        JobLatest latest = JobLatest.of(List.of(images, scan)).orElseThrow();
        BuildSummary newest = summaries.get(5);
        assertThat(latest.build()).isEqualTo("6");
        assertThat(latest.scanId()).isEqualTo("default");
        assertThat(latest.verdict()).isEqualTo(newest.verdict());
        assertThat(latest.critical()).isEqualTo(newest.open(Severity.CRITICAL));
        assertThat(latest.high()).isEqualTo(newest.open(Severity.HIGH));
        assertThat(latest.url()).isEqualTo("6/default/");
        assertThat(latest.text()).startsWith(newest.verdict() + ": ");
        assertThat(JobLatest.of(List.of())).isEmpty();

        // And the portlet's order puts the worst verdict first, then most critical, then most high
        JobLatest failed = new JobLatest("1", "a", PolicyVerdict.FAILED, 0, 0);
        JobLatest critical = new JobLatest("1", "b", PolicyVerdict.UNSTABLE, 3, 0);
        JobLatest high = new JobLatest("1", "c", PolicyVerdict.UNSTABLE, 0, 9);
        JobLatest passed = new JobLatest("1", "d", PolicyVerdict.PASSED, 0, 0);
        List<JobLatest> sorted = new ArrayList<>(List.of(passed, high, critical, failed));
        sorted.sort(JobLatest.URGENCY);
        assertThat(sorted).containsExactly(failed, critical, high, passed);
    }

    @Test
    void shouldKeepTheDigestsOfAJobInItsFileBuildByBuild(@org.junit.jupiter.api.io.TempDir java.nio.file.Path job)
            throws IOException {
        List<BuildSummary> summaries = history(12);
        ScanDigestFile file = new ScanDigestFile(job);
        assertThat(file.read()).isEmpty();

        // Given each build recorded as it completes, under two scan ids
        List<ScanDigest> digests = List.of();
        for (BuildSummary summary : summaries) {
            digests = ScanDigestFile.with(digests, java.util.Map.of("default", summary, "images", summary),
                    id -> id.equals("default") ? "DevSecOps Scan" : "Images");
            file.write(digests);
        }

        // Then the file holds what the builds give at once, one digest per scan id
        List<ScanDigest> read = file.read().orElseThrow();
        assertThat(read).extracting(ScanDigest::scanId).containsExactlyInAnyOrder("default", "images");
        assertThat(read).filteredOn(d -> d.scanId().equals("default"))
                .containsExactly(ScanDigest.of("default", "DevSecOps Scan", summaries));
        assertThat(file.read().orElseThrow()).as("read again from the cache").isSameAs(read);

        // And deleting an older build keeps the digests; deleting the newest asks for them to be made again
        assertThat(ScanDigestFile.without(read, "3")).isPresent();
        assertThat(ScanDigestFile.without(read, "12")).isEmpty();
        file.delete();
        assertThat(file.read()).isEmpty();
    }

    @Test
    void shouldRefuseADamagedDigestFileNamingItAndNeverMakeAMissingJobDirectory(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path job) throws IOException {
        java.nio.file.Files.writeString(job.resolve(ScanDigestFile.FILE_NAME), "{\"version\": 1, \"scans\": [{");
        assertThatThrownBy(() -> new ScanDigestFile(job).read()).isInstanceOf(IOException.class)
                .hasMessageContaining(ScanDigestFile.FILE_NAME);

        java.nio.file.Path gone = job.resolve("deleted-job");
        new ScanDigestFile(gone).write(List.of(ScanDigest.of("default", "DevSecOps Scan", history(2))));
        assertThat(gone).doesNotExist();
    }
}
