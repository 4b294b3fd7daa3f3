package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.view.ConsoleText;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.record.ScanRecordJson;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs on the agent that holds the workspace: reads and validates the policy file ({@code policyFile}, else
 * {@code devsecops-policy.yaml} when present) and {@code .devsecops/suppressions.yaml} with the engine's parsers, so
 * a broken file stops the step before the scan; runs the engine; writes the report, gzip-compressed JSON, to the
 * hand-over file the controller created; and returns only an {@link AgentScanResult} of JDK values. No engine object
 * and no engine exception crosses the channel.
 */
final class AgentScanCallable extends MasterToSlaveFileCallable<AgentScanResult> {

    private static final long serialVersionUID = 2L;

    private final ScanSettings settings;
    private final String policyFile;
    private final String handOverFile;
    private final TaskListener listener;

    AgentScanCallable(ScanSettings settings, String policyFile, String handOverFile, TaskListener listener) {
        this.settings = settings;
        this.policyFile = policyFile;
        this.handOverFile = handOverFile;
        this.listener = listener;
    }

    @Override
    public AgentScanResult invoke(File directory, VirtualChannel channel) throws IOException, InterruptedException {
        try {
            return scan(directory);
        } catch (AbortException | InterruptedException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw plain(e);
        }
    }

    private AgentScanResult scan(File directory) throws IOException, InterruptedException {
        Path root = directory.toPath().toAbsolutePath().normalize();
        String policyName = policyFile.isEmpty() ? PolicyYaml.FILE_NAME : policyFile;
        Path policyPath = root.resolve(policyName).normalize();
        if (!policyPath.startsWith(root)) {
            throw new AbortException("devSecOpsScan: policyFile must lie inside the source directory: " + policyFile);
        }
        // Configuration in the workspace is read only from regular files inside it: never through a link, never
        // from a FIFO or device (the engine's guarded reader). It is validated here and sent back as text.
        TreeFiles tree = new TreeFiles(root);
        String policyYaml = null;
        if (!policyFile.isEmpty() || parse(() -> tree.isPresent(policyPath))) {
            if (!parse(() -> tree.isPresent(policyPath))) {
                throw new AbortException("devSecOpsScan: policy file '" + policyFile + "' does not exist");
            }
            String text = parse(() -> tree.readText(policyPath, StrictYamlReader.MAX_BYTES));
            parse(() -> PolicyYaml.parse(text, policyName));
            policyYaml = text;
        }
        Path suppressionsPath = root.resolve(SuppressionFile.DEFAULT_PATH);
        String suppressionsYaml = null;
        if (parse(() -> tree.isPresent(suppressionsPath))) {
            String text = parse(() -> tree.readText(suppressionsPath, StrictYamlReader.MAX_BYTES));
            parse(() -> SuppressionFile.parse(text, SuppressionFile.DEFAULT_PATH));
            suppressionsYaml = text;
        }

        ScanRequest.Builder request = ScanRequest.builder(root).stages(settings.getStages());
        settings.getIncludes().forEach(request::include);
        settings.getExcludes().forEach(request::exclude);
        settings.getOptions().forEach(request::option);
        settings.getSensitiveOptions().forEach(request::option);
        ScanRequest built = parse(request::build); // an invalid include/exclude glob ends the step naming it
        Report report = ScanEngine.withBuiltInStages().scan(built, new ConsoleProgress(listener.getLogger()));

        Path handOver = Path.of(handOverFile);
        try (OutputStream out = Files.newOutputStream(handOver)) {
            new ScanRecordJson().writeReport(report, out);
        }
        return new AgentScanResult(policyYaml, policyName, suppressionsYaml, report.findings().size(),
                Files.size(handOver));
    }

    /**
     * The failure as the controller can read it: an {@link IOException} with the original's class, message and
     * stack trace but no cause, so no exception class of the engine or its libraries is serialised back.
     */
    private static IOException plain(Exception e) {
        IOException plain = new IOException("devSecOpsScan failed on the agent: "
                + ConsoleText.escape(e.toString()));
        plain.setStackTrace(e.getStackTrace());
        return plain;
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
