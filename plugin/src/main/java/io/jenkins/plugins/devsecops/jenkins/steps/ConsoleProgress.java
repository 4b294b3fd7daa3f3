package io.jenkins.plugins.devsecops.jenkins.steps;

import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanProgress;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import java.io.PrintStream;

/**
 * Prints the engine's progress to the build console: one line per phase and per stage, throttled by the engine.
 * Stage errors name the file and the parser's message, never file content; control characters in them are escaped
 * ({@link ConsoleText}) so that a file name cannot forge a log line.
 */
final class ConsoleProgress implements ProgressListener {

    private static final int MAX_ERRORS_PER_STAGE = 20;

    private final PrintStream logger;
    private String lastPhase = "";

    ConsoleProgress(PrintStream logger) {
        this.logger = logger;
    }

    @Override
    public synchronized void progress(ScanProgress progress) {
        if (!progress.phase().equals(lastPhase)) {
            lastPhase = progress.phase();
            logger.println("[DevSecOps] " + describe(progress));
        } else if ("scan".equals(progress.phase())) {
            logger.println("[DevSecOps] " + describe(progress));
        }
    }

    private static String describe(ScanProgress progress) {
        return switch (progress.phase()) {
            case "walk" -> "Walking the source tree";
            case "scan" -> "Scanned " + progress.filesDone() + "/" + progress.filesTotal() + " files, "
                    + progress.findings() + " findings so far";
            default -> "Finishing stages (" + progress.findings() + " findings so far)";
        };
    }

    @Override
    public synchronized void stageFinished(StageResult result) {
        logger.println("[DevSecOps] Stage '" + result.stage() + "' " + result.status().name().toLowerCase(java.util.Locale.ROOT)
                + ": " + result.findingCount() + " findings, " + result.filesScanned() + " files, "
                + result.durationMillis() + " ms");
        result.errors().stream().limit(MAX_ERRORS_PER_STAGE)
                .forEach(error -> logger.println("[DevSecOps]   error: " + ConsoleText.escape(error.toString())));
        if (result.errors().size() > MAX_ERRORS_PER_STAGE) {
            logger.println("[DevSecOps]   ... and " + (result.errors().size() - MAX_ERRORS_PER_STAGE)
                    + " more errors (see the report)");
        }
        result.warnings().forEach(warning -> logger.println("[DevSecOps]   warning: " + ConsoleText.escape(warning)));
    }
}
