package io.jenkins.plugins.devsecops.jenkins.steps;

import hudson.AbortException;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.record.ScanRecordJson;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
        String policyYaml = null;
        if (!policyFile.isEmpty() || Files.isRegularFile(policyPath)) {
            if (!Files.isRegularFile(policyPath)) {
                throw new AbortException("devSecOpsScan: policy file '" + policyFile + "' does not exist");
            }
            parse(() -> PolicyYaml.read(policyPath));
            policyYaml = text(policyPath);
        }
        Path suppressionsPath = root.resolve(SuppressionFile.DEFAULT_PATH);
        String suppressionsYaml = null;
        if (Files.isRegularFile(suppressionsPath)) {
            parse(() -> SuppressionFile.read(suppressionsPath, SuppressionFile.DEFAULT_PATH));
            suppressionsYaml = text(suppressionsPath);
        }

        ScanRequest.Builder request = ScanRequest.builder(root).stages(settings.getStages());
        settings.getIncludes().forEach(request::include);
        settings.getExcludes().forEach(request::exclude);
        settings.getOptions().forEach(request::option);
        settings.getSensitiveOptions().forEach(request::option);
        Report report = ScanEngine.withBuiltInStages().scan(request.build(), new ConsoleProgress(listener.getLogger()));

        Path handOver = Path.of(handOverFile);
        try (OutputStream out = Files.newOutputStream(handOver)) {
            new ScanRecordJson().writeReport(report, out);
        }
        return new AgentScanResult(policyYaml, policyName, suppressionsYaml, report.findings().size(),
                Files.size(handOver));
    }

    /** A validated YAML file's text; the engine's reader has already refused files over its size limit. */
    private static String text(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(StrictYamlReader.MAX_BYTES + 1);
            if (bytes.length > StrictYamlReader.MAX_BYTES) {
                throw new AbortException("devSecOpsScan: " + file.getFileName() + " is larger than "
                        + StrictYamlReader.MAX_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /**
     * The failure as the controller can read it: an {@link IOException} with the original's class, message and
     * stack trace but no cause, so no exception class of the engine or its libraries is serialised back.
     */
    private static IOException plain(Exception e) {
        IOException plain = new IOException("devSecOpsScan failed on the agent: " + e);
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
            throw new AbortException("devSecOpsScan: " + e.getMessage());
        }
    }
}
