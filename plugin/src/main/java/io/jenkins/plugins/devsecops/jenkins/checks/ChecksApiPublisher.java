package io.jenkins.plugins.devsecops.jenkins.checks;

import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.checks.api.ChecksAnnotation;
import io.jenkins.plugins.checks.api.ChecksConclusion;
import io.jenkins.plugins.checks.api.ChecksDetails;
import io.jenkins.plugins.checks.api.ChecksOutput;
import io.jenkins.plugins.checks.api.ChecksPublisherFactory;
import io.jenkins.plugins.checks.api.ChecksStatus;
import io.jenkins.plugins.devsecops.checks.CheckAnnotation;
import io.jenkins.plugins.devsecops.checks.CheckRunReport;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes the check run through the checks-api plugin (GitHub, GitLab, Gitea checks through their own plugins;
 * where the build's SCM supports none, checks-api hands out a publisher that does nothing). Only the mapping of the
 * engine's {@link CheckRunReport} onto checks-api's builders lives here. Loaded only when checks-api is installed.
 */
@Extension(optional = true)
public final class ChecksApiPublisher extends ScanResultPublisher {

    @Override
    protected void publish(Run<?, ?> run, TaskListener listener, CheckRunReport report) {
        List<ChecksAnnotation> annotations = new ArrayList<>();
        for (CheckAnnotation annotation : report.annotations()) {
            annotations.add(new ChecksAnnotation.ChecksAnnotationBuilder().withPath(annotation.path())
                    .withStartLine(annotation.startLine()).withEndLine(annotation.endLine())
                    .withAnnotationLevel(level(annotation.level())).withTitle(annotation.title())
                    .withMessage(annotation.message()).build());
        }
        String text = report.notAnnotated() == 0 ? ""
                : report.notAnnotated() + " more new findings are not annotated (over the cap, or without a line):"
                        + " see the findings page in Jenkins.";
        ChecksOutput output = new ChecksOutput.ChecksOutputBuilder().withTitle(report.title())
                .withSummary(report.summary()).withText(text).withAnnotations(annotations).build();
        ChecksDetails details = new ChecksDetails.ChecksDetailsBuilder().withName(report.name())
                .withStatus(ChecksStatus.COMPLETED).withConclusion(conclusion(report.conclusion()))
                .withOutput(output).build();
        ChecksPublisherFactory.fromRun(run, listener).publish(details);
    }

    private static ChecksAnnotation.ChecksAnnotationLevel level(CheckAnnotation.Level level) {
        return switch (level) {
            case FAILURE -> ChecksAnnotation.ChecksAnnotationLevel.FAILURE;
            case WARNING -> ChecksAnnotation.ChecksAnnotationLevel.WARNING;
            default -> ChecksAnnotation.ChecksAnnotationLevel.NOTICE;
        };
    }

    private static ChecksConclusion conclusion(CheckRunReport.Conclusion conclusion) {
        return switch (conclusion) {
            case FAILURE -> ChecksConclusion.FAILURE;
            case NEUTRAL -> ChecksConclusion.NEUTRAL;
            default -> ChecksConclusion.SUCCESS;
        };
    }
}
