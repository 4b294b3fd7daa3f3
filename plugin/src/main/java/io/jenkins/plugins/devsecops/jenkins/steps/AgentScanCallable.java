package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent that holds the workspace: reads the policy file ({@code policyFile}, else
 * {@code devsecops-policy.yaml} when present) and {@code .devsecops/suppressions.yaml} with the engine's parsers,
 * so a broken file stops the step before the scan, then runs the engine and sends everything back.
 */
final class AgentScanCallable extends MasterToSlaveFileCallable<AgentScanResult> {

    private static final long serialVersionUID = 1L;

    private final ScanSettings settings;
    private final String policyFile;
    private final TaskListener listener;

    AgentScanCallable(ScanSettings settings, String policyFile, TaskListener listener) {
        this.settings = settings;
        this.policyFile = policyFile;
        this.listener = listener;
    }

    @Override
    public AgentScanResult invoke(File directory, VirtualChannel channel) throws IOException, InterruptedException {
        Path root = directory.toPath().toAbsolutePath().normalize();
        String policyName = policyFile.isEmpty() ? PolicyYaml.FILE_NAME : policyFile;
        Path policyPath = root.resolve(policyName).normalize();
        if (!policyPath.startsWith(root)) {
            throw new AbortException("devSecOpsScan: policyFile must lie inside the source directory: " + policyFile);
        }
        // Configuration in the workspace is read only from regular files inside it: never through a link, never
        // from a FIFO or device (the engine's guarded reader).
        TreeFiles tree = new TreeFiles(root);
        SecurityPolicy policy = null;
        if (!policyFile.isEmpty() || parse(() -> tree.isPresent(policyPath))) {
            if (!parse(() -> tree.isPresent(policyPath))) {
                throw new AbortException("devSecOpsScan: policy file '" + policyFile + "' does not exist");
            }
            policy = parse(() -> PolicyYaml.parse(tree.readText(policyPath, StrictYamlReader.MAX_BYTES), policyName));
        }
        Path suppressionsPath = root.resolve(SuppressionFile.DEFAULT_PATH);
        List<SuppressionEntry> suppressions = parse(() -> tree.isPresent(suppressionsPath))
                ? parse(() -> SuppressionFile.parse(tree.readText(suppressionsPath, StrictYamlReader.MAX_BYTES),
                        SuppressionFile.DEFAULT_PATH)) : List.of();

        ScanRequest.Builder request = ScanRequest.builder(root).stages(settings.getStages());
        settings.getIncludes().forEach(request::include);
        settings.getExcludes().forEach(request::exclude);
        settings.getOptions().forEach(request::option);
        settings.getSensitiveOptions().forEach(request::option);
        ScanRequest built = parse(request::build); // an invalid include/exclude glob ends the step naming it
        Report report = ScanEngine.withBuiltInStages().scan(built, new ConsoleProgress(listener.getLogger()));
        return new AgentScanResult(report, policy, policyName, suppressions);
    }

    private interface Reader<T> {
        T read() throws IOException;
    }

    /** Parser errors (file, line, column) end the step with that message; the file's content is never echoed. */
    private static <T> T parse(Reader<T> reader) throws AbortException {
        try {
            return reader.read();
        } catch (IOException | RuntimeException e) {
            throw new AbortException("devSecOpsScan: " + ConsoleText.escape(e.getMessage()));
        }
    }
}
