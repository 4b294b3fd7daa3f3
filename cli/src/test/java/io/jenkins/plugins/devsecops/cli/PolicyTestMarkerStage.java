package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;

/**
 * A test stage, off by default so that it never disturbs other tests: reports {@code SECURITY-HIGH} and
 * {@code SECURITY-LOW} markers.
 */
public final class PolicyTestMarkerStage implements Stage {

    static final String ID = "policytest-marker";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String description() {
        return "Reports SECURITY-HIGH / SECURITY-LOW markers (test stage)";
    }

    @Override
    public boolean enabledByDefault() {
        return false;
    }

    @Override
    public StageScanner open(StageContext context) {
        return new StageScanner() {
            @Override
            public void scan(SourceFile file, FindingSink sink) {
                report(file, sink, "SECURITY-HIGH", Severity.HIGH);
                report(file, sink, "SECURITY-LOW", Severity.LOW);
            }
        };
    }

    private static void report(SourceFile file, FindingSink sink, String marker, Severity severity) {
        String text = file.text();
        for (int index = text.indexOf(marker); index >= 0; index = text.indexOf(marker, index + 1)) {
            int line = file.lines().lineOf(index);
            sink.report(Finding.builder().ruleId(marker.toLowerCase(java.util.Locale.ROOT)).stage(ID)
                    .severity(severity).title("Marker " + marker)
                    .location(new Location(file.path(), line, file.lines().columnOf(index), line, 0, null)).build());
        }
    }
}
