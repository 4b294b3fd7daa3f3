import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyVerdict;
import io.jenkins.plugins.devsecops.summary.BuildSummary;
import io.jenkins.plugins.devsecops.summary.GateRow;
import io.jenkins.plugins.devsecops.summary.SecurityKpis;
import io.jenkins.plugins.devsecops.summary.SecurityScore;
import io.jenkins.plugins.devsecops.summary.StageCounts;
import io.jenkins.plugins.devsecops.summary.SummaryStore;
import io.jenkins.plugins.devsecops.summary.TrendCharts;
import io.jenkins.plugins.devsecops.summary.TrendSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Timed main: how long loading N build summaries (and computing trends and KPIs from them) takes.
 * Run with bench/summary-load/run.sh [N=1000] [ROUNDS=50] [sparse|dense]; sparse (default) leaves most counts at
 * zero as real projects do, dense fills every count. Prints the cold first load (includes Jackson's start-up in a
 * fresh JVM) and the median and p95 of warm loads.
 */
public final class SummaryLoadBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        boolean dense = args.length > 2 && args[2].equals("dense");
        Path dir = Files.createTempDirectory("summary-bench");
        SummaryStore store = new SummaryStore(dir);
        Random random = new Random(42);
        StringBuilder lines = new StringBuilder();
        Instant start = Instant.parse("2024-01-01T00:00:00Z");
        for (int i = 1; i <= count; i++) {
            List<StageCounts> stages = new ArrayList<>();
            for (String stage : List.of("secrets", "dependencies", "iac", "dockerfile", "import")) {
                stages.add(new StageCounts(stage, counts(random, 40, dense), counts(random, 4, dense),
                        counts(random, 4, dense), dense || random.nextInt(4) == 0 ? random.nextInt(10) : 0));
            }
            int[] open = new int[5];
            stages.forEach(s -> { for (int k = 0; k < 5; k++) { open[k] += s.open()[k]; } });
            BuildSummary summary = new BuildSummary(String.valueOf(i), start.plus(Duration.ofHours(6L * i)),
                    30_000 + random.nextInt(60_000), PolicyVerdict.values()[random.nextInt(3)], stages,
                    random.nextInt(20), random.nextInt(8), random.nextDouble() * 100, SecurityScore.compute(open,
                            3, PolicyVerdict.PASSED), Map.of("devsecops", "0.1.0", "trivy", "0.50.1"),
                    Map.of("dependencies.osv.modified", "2026-11-20T10:00:00Z"),
                    List.of(new GateRow("no-new-high", random.nextInt(3), 1, PolicyVerdict.PASSED),
                            new GateRow("secrets", 0, 1, PolicyVerdict.PASSED),
                            new GateRow("overdue", random.nextInt(5), 1, PolicyVerdict.UNSTABLE)));
            lines.append(SummaryStore.toJson(summary)).append('\n');
        }
        Files.writeString(dir.resolve(SummaryStore.FILE_NAME), lines);
        long bytes = Files.size(dir.resolve(SummaryStore.FILE_NAME));

        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long coldCpu = cpu.getCurrentThreadCpuTime();
        long coldStart = System.nanoTime();
        List<BuildSummary> loaded = store.load().summaries();
        long coldLoad = System.nanoTime() - coldStart;
        long coldLoadCpu = cpu.getCurrentThreadCpuTime() - coldCpu;
        TrendSeries series = TrendSeries.of(loaded, 1000);
        TrendCharts.openBySeverity(series);
        SecurityKpis.of(loaded);
        long coldAll = System.nanoTime() - coldStart;

        long[] load = new long[rounds];
        long[] loadCpu = new long[rounds];
        long[] all = new long[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = cpu.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            List<BuildSummary> summaries = store.load().summaries();
            long t1 = System.nanoTime();
            loadCpu[r] = cpu.getCurrentThreadCpuTime() - c0;
            TrendSeries trend = TrendSeries.of(summaries, 1000);
            TrendCharts.openBySeverity(trend);
            TrendCharts.newVersusFixed(trend);
            TrendCharts.openByStage(trend);
            SecurityKpis kpis = SecurityKpis.of(summaries);
            if (kpis.openBySeverity().get(Severity.CRITICAL) < 0 || summaries.size() != count) {
                throw new IllegalStateException("unexpected");
            }
            load[r] = t1 - t0;
            all[r] = System.nanoTime() - t0;
        }
        Arrays.sort(load);
        Arrays.sort(loadCpu);
        Arrays.sort(all);
        System.out.printf("%d %s summaries, %d bytes (%.0f bytes each), JDK %s%n", count, dense ? "dense" : "sparse",
                bytes, bytes / (double) count, System.getProperty("java.version"));
        System.out.printf("cold (fresh JVM) load: %.1f ms wall, %.1f ms CPU; load + trends + KPIs: %.1f ms wall%n",
                coldLoad / 1e6, coldLoadCpu / 1e6, coldAll / 1e6);
        System.out.printf("warm load CPU time: median %.2f ms, p95 %.2f ms (wall time suffers on a shared machine)%n",
                loadCpu[rounds / 2] / 1e6, loadCpu[(int) (rounds * 0.95)] / 1e6);
        System.out.printf("system load average: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.printf("warm load over %d rounds: median %.2f ms, p95 %.2f ms%n", rounds,
                load[rounds / 2] / 1e6, load[(int) (rounds * 0.95)] / 1e6);
        System.out.printf("warm load + trends + charts + KPIs: median %.2f ms, p95 %.2f ms%n",
                all[rounds / 2] / 1e6, all[(int) (rounds * 0.95)] / 1e6);
    }

    /** Dense: every count random; sparse (realistic): most stages and severities at zero. */
    private static int[] counts(Random random, int bound, boolean dense) {
        int[] counts = new int[5];
        if (!dense && random.nextInt(3) != 0) {
            return counts;
        }
        for (int i = 0; i < 5; i++) {
            counts[i] = dense || random.nextInt(2) == 0 ? random.nextInt(bound) : 0;
        }
        return counts;
    }
}
