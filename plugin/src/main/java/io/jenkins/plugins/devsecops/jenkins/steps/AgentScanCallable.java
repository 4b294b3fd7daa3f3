package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.File;
import java.io.IOException;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine on the agent that holds the workspace and sends the serializable {@link Report} back. Nothing of
 * the scan runs on the controller.
 */
final class AgentScanCallable extends MasterToSlaveFileCallable<Report> {

    private static final long serialVersionUID = 1L;

    private final ScanSettings settings;
    private final TaskListener listener;

    AgentScanCallable(ScanSettings settings, TaskListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public Report invoke(File directory, VirtualChannel channel) throws IOException, InterruptedException {
        ScanRequest.Builder request = ScanRequest.builder(directory.toPath()).stages(settings.getStages());
        settings.getIncludes().forEach(request::include);
        settings.getExcludes().forEach(request::exclude);
        settings.getOptions().forEach(request::option);
        settings.getSensitiveOptions().forEach(request::option);
        return ScanEngine.withBuiltInStages().scan(request.build(), new ConsoleProgress(listener.getLogger()));
    }
}
