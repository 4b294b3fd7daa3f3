package io.jenkins.plugins.devsecops.jenkins.checks;

import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.devsecops.checks.CheckRunReport;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes a scan's {@link CheckRunReport} somewhere outside Jenkins. The checks-api implementation
 * ({@link ChecksApiPublisher}) is an optional extension; without checks-api nothing is published. A failure to
 * publish is printed and logged, never fails the build.
 */
public abstract class ScanResultPublisher implements ExtensionPoint {

    private static final Logger LOGGER = Logger.getLogger(ScanResultPublisher.class.getName());

    /** Publishes {@code report} of {@code run}. */
    protected abstract void publish(Run<?, ?> run, TaskListener listener, CheckRunReport report);

    /** Publishes {@code report} through every installed publisher. */
    public static void publishAll(Run<?, ?> run, TaskListener listener, CheckRunReport report) {
        for (ScanResultPublisher publisher : ExtensionList.lookup(ScanResultPublisher.class)) {
            try {
                publisher.publish(run, listener, report);
            } catch (RuntimeException | LinkageError e) {
                LOGGER.log(Level.WARNING, "Cannot publish the DevSecOps check of " + run, e);
                listener.getLogger().println("[DevSecOps] warning: the check run could not be published ("
                        + e.getClass().getSimpleName() + ": " + ConsoleText.escape(String.valueOf(e.getMessage()))
                        + ")");
            }
        }
    }
}
