package io.jenkins.plugins.devsecops.testing;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.Stage;
import io.jenkins.plugins.devsecops.scan.StageContext;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.util.Locale;
import java.util.Map;

/**
 * A test stage: reports one finding per occurrence of each marker, with the marker's severity, at its line and
 * column and without a snippet, so the engine fingerprints it from the file's content.
 */
public final class MarkerStage implements Stage {

    private final String id;
    private final Map<String, Severity> markers;

    public MarkerStage(String id, Map<String, Severity> markers) {
        this.id = id;
        this.markers = markers;
    }

    /** The usual test stage: {@code TODO-SECURITY} (MEDIUM), {@code FIXME-CRITICAL} (CRITICAL), {@code 0.0.0.0/0} (HIGH). */
    public static MarkerStage standard() {
        return new MarkerStage("marker", Map.of("TODO-SECURITY", Severity.MEDIUM, "FIXME-CRITICAL", Severity.CRITICAL,
                "0.0.0.0/0", Severity.HIGH));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String description() {
        return "Reports marker strings (test stage)";
    }

    @Override
    public StageScanner open(StageContext context) {
        return new StageScanner() {
            @Override
            public void scan(SourceFile file, FindingSink sink) {
                String text = file.text();
                markers.forEach((marker, severity) -> {
                    int index = text.indexOf(marker);
                    while (index >= 0) {
                        int line = file.lines().lineOf(index);
                        int column = file.lines().columnOf(index);
                        sink.report(Finding.builder().ruleId(marker.toLowerCase(Locale.ROOT)).stage(id)
                                .severity(severity).title("Marker " + marker)
                                .location(new Location(file.path(), line, column, line, column + marker.length(), null))
                                .build());
                        index = text.indexOf(marker, index + marker.length());
                    }
                });
            }
        };
    }
}
