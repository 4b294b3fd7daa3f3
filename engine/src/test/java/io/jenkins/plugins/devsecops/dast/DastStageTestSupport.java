package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.model.StageError;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs the stage with options that should stop it before any request and returns its errors as text. */
final class DastStageTestSupport {

    private DastStageTestSupport() {
    }

    static String error(Path root, Map<String, String> options) {
        try {
            Report report = DastStageTest.scan(root, options);
            return report.stage(DastStage.ID).orElseThrow().errors().stream().map(StageError::message)
                    .collect(Collectors.joining("\n"));
        } catch (Exception e) {
            return e.getMessage();
        }
    }
}
