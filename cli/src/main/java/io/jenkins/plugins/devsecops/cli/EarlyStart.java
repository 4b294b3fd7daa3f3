package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.compliance.ComplianceCatalog;
import io.jenkins.plugins.devsecops.dashboard.DashboardPage;
import io.jenkins.plugins.devsecops.report.ReportWriters;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * What a {@code scan} needs first, started on background threads before picocli builds its command model (a third
 * of the main thread's start-up): the selected stages' fixed data ({@link ScanEngine#preload}), the report writers
 * with, when they may be written, the compliance catalogue SARIF, the CSV and the HTML page read and, when the HTML
 * pages will be written, the charts library they inline. The stages are read from the raw arguments ({@code --stages A,B} or {@code --stages=A,B}, repeatable); a guess that picocli
 * later reads differently only loads something unused, and the scan loads what it needs itself. Nothing here reports
 * errors: picocli and the scan do.
 */
final class EarlyStart {

    private static volatile EarlyStart started;

    private final List<String> stages;
    private final FutureTask<ReportWriters> writers;

    private EarlyStart(List<String> stages, boolean compliance) {
        this.stages = stages;
        writers = new FutureTask<>(() -> {
            ReportWriters loaded = ReportWriters.builtIn();
            if (compliance) {
                ComplianceCatalog.builtIn(); // read by SARIF, the CSV and the page after the scan, on the main thread
            }
            return loaded;
        });
    }

    /** Starts loading when {@code args} run a scan (not its help); otherwise does nothing. */
    static void begin(String[] args) {
        Optional<List<String>> stages = scanStages(args);
        if (stages.isEmpty()) {
            return;
        }
        EarlyStart early = new EarlyStart(stages.get(), writesFormat(args, "html", "sarif", "compliance-csv"));
        ScanEngine.withBuiltInStages().preload(early.stages);
        Thread thread = new Thread(early.writers, "devsecops-writers");
        thread.setDaemon(true);
        thread.start();
        if (writesPages(args)) {
            Thread charts = new Thread(DashboardPage::preloadChartLibrary, "devsecops-charts");
            charts.setDaemon(true);
            charts.start();
        }
        started = early;
    }

    /**
     * The {@code --stages} values of a {@code scan} command line, split at commas as picocli splits them (empty: every
     * default stage); empty when {@code args} do not run a scan, or ask for help or the version.
     */
    static Optional<List<String>> scanStages(String[] args) {
        if (args.length == 0 || !args[0].equals("scan")) {
            return Optional.empty();
        }
        List<String> stages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h") || arg.equals("--version") || arg.equals("-V")
                    || arg.equals("--")) {
                return Optional.empty();
            }
            if (arg.equals("--stages") && i + 1 < args.length) {
                stages.addAll(List.of(args[++i].split(",")));
            } else if (arg.startsWith("--stages=")) {
                stages.addAll(List.of(arg.substring("--stages=".length()).split(",")));
            }
        }
        return Optional.of(List.copyOf(stages));
    }

    /**
     * Whether a scan with {@code args} may write the HTML pages: no {@code -f}/{@code --format} given (every format),
     * or one naming {@code html} or {@code dashboard}. A wrong guess only loads something unused, or leaves it to the
     * page writer.
     */
    static boolean writesPages(String[] args) {
        return writesFormat(args, "html", "dashboard");
    }

    /**
     * Whether a scan with {@code args} may write one of {@code formats}: no {@code -f}/{@code --format} given (every
     * format), or one naming one of them.
     */
    static boolean writesFormat(String[] args, String... formats) {
        List<String> wanted = List.of(formats);
        boolean formatGiven = false;
        for (int i = 1; i < args.length; i++) {
            String value = null;
            if ((args[i].equals("-f") || args[i].equals("--format")) && i + 1 < args.length) {
                value = args[++i];
            } else if (args[i].startsWith("--format=")) {
                value = args[i].substring("--format=".length());
            } else if (args[i].startsWith("-f") && args[i].length() > 2) {
                value = args[i].substring(2);
            }
            if (value != null) {
                formatGiven = true;
                for (String format : value.split(",")) {
                    String name = format.trim().toLowerCase(java.util.Locale.ROOT);
                    if (wanted.contains(name)) {
                        return true;
                    }
                }
            }
        }
        return !formatGiven;
    }

    /** Whether {@link #begin} already preloads exactly these stages. */
    static boolean preloads(List<String> stageIds) {
        EarlyStart early = started;
        return early != null && early.stages.equals(stageIds);
    }

    /** The report writers: those loaded early, or loaded now. */
    static ReportWriters writers() {
        EarlyStart early = started;
        Optional<ReportWriters> loaded = Optional.empty();
        if (early != null) {
            try {
                loaded = Optional.of(early.writers.get());
            } catch (ExecutionException e) {
                // loaded again below, where the problem surfaces on the caller's thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return loaded.orElseGet(ReportWriters::builtIn);
    }
}
