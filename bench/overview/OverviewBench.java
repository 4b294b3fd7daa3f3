import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.overview.OverviewQuery;
import io.jenkins.plugins.devsecops.overview.ScanDigest;
import io.jenkins.plugins.devsecops.overview.ScanDigestJson;
import io.jenkins.plugins.devsecops.overview.ScanHistory;
import io.jenkins.plugins.devsecops.overview.SecurityOverview;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.GateRow;
import io.jenkins.plugins.devsecops.summary.SecurityScore;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.summary.SummaryJson;
import io.jenkins.plugins.devsecops.view.TrendChartView;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How long the cross-job overview's view model takes for N jobs: bench/overview/run.sh [JOBS=1000] [BUILDS=20]
 * [ROUNDS=20]. Each job gets BUILDS summaries, written as the JSON lines the plugin keeps in build.xml, and the
 * digest file the plugin keeps per job (ScanDigest, maintained build by build), written to a temporary directory.
 * Measured per round, as the Security page does it: read and parse every job's digest file (one file per job), build
 * the overview (rows, filter, sort, weekly trends) and its four chart options. Prints the cold first round (fresh
 * JVM) and the median and p95 of warm rounds, wall and CPU time of the thread, the same for a filtered and sorted
 * query, and for comparison the older way (parse every build's summary line).
 */
public final class OverviewBench {

    public static void main(String[] args) throws Exception {
        int jobs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int builds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Random random = new Random(7);
        Instant now = Instant.parse("2026-12-02T12:00:00Z");
        List<String[]> lines = new ArrayList<>();
        List<String[]> meta = new ArrayList<>();
        long bytes = 0;
        for (int j = 0; j < jobs; j++) {
            String folder = "team-" + (j % 25) + (j % 3 == 0 ? "/sub-" + (j % 7) : "");
            String job = folder + "/app-" + j;
            meta.add(new String[] {job, folder, j % 5 == 0 ? "pull-request" : "branch"});
            String[] jobLines = new String[builds];
            Instant start = now.minus(Duration.ofDays(120)).plus(Duration.ofHours(random.nextInt(48)));
            for (int b = 0; b < builds; b++) {
                jobLines[b] = SummaryJson.write(summary(random, String.valueOf(b + 1),
                        start.plus(Duration.ofDays(6L * b)), now));
                bytes += jobLines[b].length() + 1;
            }
            lines.add(jobLines);
        }
        System.out.printf("%d jobs x %d builds = %d summaries, %.1f MB of JSON lines%n", jobs, builds,
                jobs * builds, bytes / 1e6);
        Path dir = Files.createTempDirectory("overview-bench");
        List<Path> files = new ArrayList<>();
        long digestBytes = 0;
        for (int j = 0; j < jobs; j++) {
            ScanDigest digest = null;
            for (String line : lines.get(j)) {
                BuildSummary summary = SummaryJson.read(line);
                digest = digest == null ? ScanDigest.of("default", "DevSecOps Scan", List.of(summary))
                        : digest.with(summary);
            }
            Path file = dir.resolve("job-" + j + ".json");
            Files.writeString(file, ScanDigestJson.write(List.of(digest)));
            digestBytes += Files.size(file);
            files.add(file);
        }
        System.out.printf("%d digest files, %.1f KB on average, %.1f MB in all (in %s)%n", jobs,
                digestBytes / 1e3 / jobs, digestBytes / 1e6, dir);

        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        OverviewQuery all = OverviewQuery.all();
        OverviewQuery filtered = OverviewQuery.parse("team-3", "branch", null, "HIGH", null, "overdue", null);
        long[] cold = round(lines, files, meta, all, now, cpu);
        System.out.printf("cold first round (fresh JVM), digest files: %d ms wall, %d ms CPU, %d rows%n",
                cold[0] / 1_000_000, cold[1] / 1_000_000, cold[2]);
        report("digest files, all jobs, risk order", lines, files, meta, all, now, cpu, rounds);
        report("digest files, folder team-3, label branch, HIGH or worse, by overdue", lines, files, meta, filtered,
                now, cpu, rounds);
        report("for comparison: every build's summary line, all jobs", lines, null, meta, all, now, cpu, rounds);
        long[] model = modelOnly(files, meta, all, now, cpu, rounds);
        System.out.printf("model only (digests already parsed, as on a warm controller with the cache): median %d ms wall,"
                + " %d ms CPU%n", model[0] / 1_000_000, model[1] / 1_000_000);
        for (Path file : files) {
            Files.delete(file);
        }
        Files.delete(dir);
    }

    private static void report(String name, List<String[]> lines, List<Path> files, List<String[]> meta,
            OverviewQuery query, Instant now, ThreadMXBean cpu, int rounds) throws Exception {
        long[] wall = new long[rounds];
        long[] cpuTime = new long[rounds];
        long rows = 0;
        for (int r = 0; r < rounds; r++) {
            long[] result = round(lines, files, meta, query, now, cpu);
            wall[r] = result[0];
            cpuTime[r] = result[1];
            rows = result[2];
        }
        Arrays.sort(wall);
        Arrays.sort(cpuTime);
        System.out.printf("%s: %d rows; read + model + charts: median %d ms wall (p95 %d), median %d ms CPU"
                + " (p95 %d)%n", name, rows, wall[rounds / 2] / 1_000_000, wall[(int) (rounds * 0.95)] / 1_000_000,
                cpuTime[rounds / 2] / 1_000_000, cpuTime[(int) (rounds * 0.95)] / 1_000_000);
    }

    private static long[] round(List<String[]> lines, List<Path> files, List<String[]> meta, OverviewQuery query,
            Instant now, ThreadMXBean cpu) throws Exception {
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        List<ScanHistory> histories = files == null ? histories(lines, meta) : digests(files, meta);
        SecurityOverview overview = SecurityOverview.of(histories, query, now);
        int chartBytes = 0;
        for (TrendChartView chart : overview.charts()) {
            chartBytes += chart.optionJson().length();
        }
        long wall = System.nanoTime() - t0;
        long used = cpu.getCurrentThreadCpuTime() - c0;
        if (chartBytes == 0) {
            throw new IllegalStateException("no chart");
        }
        return new long[] {wall, used, overview.rows().size()};
    }

    private static long[] modelOnly(List<Path> files, List<String[]> meta, OverviewQuery query, Instant now,
            ThreadMXBean cpu, int rounds) throws Exception {
        List<ScanHistory> histories = digests(files, meta);
        long[] wall = new long[rounds];
        long[] cpuTime = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SecurityOverview overview = SecurityOverview.of(histories, query, now);
            overview.charts();
            wall[r] = System.nanoTime() - t0;
            cpuTime[r] = cpu.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(wall);
        Arrays.sort(cpuTime);
        return new long[] {wall[rounds / 2], cpuTime[rounds / 2]};
    }

    private static List<ScanHistory> digests(List<Path> files, List<String[]> meta) throws Exception {
        List<ScanHistory> histories = new ArrayList<>(files.size());
        for (int j = 0; j < files.size(); j++) {
            String[] m = meta.get(j);
            for (ScanDigest digest : ScanDigestJson.read(Files.readString(files.get(j)))) {
                histories.add(new ScanHistory(m[0], m[0], m[1], "job/" + m[0].replace("/", "/job/") + "/",
                        Set.of(m[2]), digest));
            }
        }
        return histories;
    }

    private static List<ScanHistory> histories(List<String[]> lines, List<String[]> meta) throws Exception {
        List<ScanHistory> histories = new ArrayList<>(lines.size());
        for (int j = 0; j < lines.size(); j++) {
            List<BuildSummary> summaries = new ArrayList<>(lines.get(j).length);
            for (String line : lines.get(j)) {
                summaries.add(SummaryJson.read(line));
            }
            String[] m = meta.get(j);
            histories.add(new ScanHistory(m[0], m[0], m[1], "job/" + m[0].replace("/", "/job/") + "/",
                    Set.of(m[2]), "default", "DevSecOps Scan", summaries));
        }
        return histories;
    }

    private static BuildSummary summary(Random random, String build, Instant time, Instant now) {
        List<StageCounts> stages = new ArrayList<>();
        int[] open = new int[5];
        int[] fixedTotal = new int[5];
        for (String stage : List.of("secrets", "dependencies", "iac", "imports")) {
            int[] counts = counts(random, 12);
            int[] added = counts(random, 2);
            int[] fixed = counts(random, 2);
            for (int k = 0; k < 5; k++) {
                open[k] += counts[k];
                fixedTotal[k] += fixed[k];
            }
            stages.add(new StageCounts(stage, counts, added, fixed, random.nextInt(3),
                    random.nextInt(40) == 0 ? "TIMED_OUT" : "COMPLETED"));
        }
        int remediated = Arrays.stream(fixedTotal).sum();
        List<Double> days = new ArrayList<>();
        double total = 0;
        for (int k = 0; k < 5; k++) {
            double d = fixedTotal[k] * random.nextDouble() * 60;
            days.add(d);
            total += d;
        }
        int overdue = random.nextInt(4);
        PolicyVerdict verdict = PolicyVerdict.values()[random.nextInt(3)];
        return new BuildSummary(build, time, 30_000 + random.nextInt(60_000), verdict, stages, overdue, remediated,
                total, SecurityScore.compute(open, overdue, verdict), Map.of("devsecops", "0.1.0"), Map.of(),
                List.of(new GateRow("default-new-critical", random.nextInt(2), 1, verdict)),
                open[0] + open[1] + open[2], days, open[0] > 0 ? time.minus(Duration.ofDays(random.nextInt(200)))
                        : null);
    }

    private static int[] counts(Random random, int max) {
        int[] counts = new int[5];
        for (int k = 0; k < 5; k++) {
            counts[k] = random.nextInt(4) == 0 ? random.nextInt(max + 1) : 0;
        }
        return counts;
    }
}
