package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.StageResult;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanProgress;
import java.io.PrintWriter;

/** Draws a one-line progress bar on a terminal, and a line per finished stage. */
final class ProgressBar implements ProgressListener {

    private static final int WIDTH = 30;
    private final PrintWriter out;
    private final boolean terminal;

    ProgressBar(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    @Override
    public synchronized void progress(ScanProgress progress) {
        if (!terminal || !"scan".equals(progress.phase()) || progress.filesTotal() == 0) {
            return;
        }
        int filled = (int) (WIDTH * progress.filesDone() / progress.filesTotal());
        out.print("\r[" + "#".repeat(filled) + " ".repeat(WIDTH - filled) + "] "
                + progress.filesDone() + "/" + progress.filesTotal() + " files, " + progress.findings() + " findings");
        out.flush();
    }

    @Override
    public synchronized void stageFinished(StageResult result) {
        if (terminal) {
            out.print("\r\033[K");
        }
        if (SummaryTable.isIdleImports(result)) {
            return;
        }
        out.println("Stage " + result.stage() + ": " + result.status() + ", " + Plural.of(result.findingCount(),
                "finding") + ", " + Plural.of(result.filesScanned(), "file") + " in " + result.durationMillis() + " ms"
                + (result.errors().isEmpty() ? "" : ", " + Plural.of(result.errors().size(), "error")));
        out.flush();
    }
}
