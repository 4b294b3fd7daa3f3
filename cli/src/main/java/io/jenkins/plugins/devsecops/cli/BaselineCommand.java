package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.Report;
import io.jenkins.plugins.devsecops.scan.ProgressListener;
import io.jenkins.plugins.devsecops.scan.ScanEngine;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.suppression.SuppressionBaseline;
import io.jenkins.plugins.devsecops.suppression.SuppressionEntry;
import io.jenkins.plugins.devsecops.suppression.SuppressionFile;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import io.jenkins.plugins.devsecops.files.SafeDirectory;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code devsecops baseline}: scans, then writes every active finding as a fingerprint suppression, so that from now
 * on only new findings count. Entries already in the file are kept.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = {"Scans and writes the current findings as suppressions, by default to",
            ".devsecops/suppressions.yaml."})
final class BaselineCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", description = "The directory to scan (default: .)")
    private Path path;

    @Option(names = "--reason", required = true, paramLabel = "TEXT", description = "Why these findings are accepted")
    private String reason;

    @Option(names = "--owner", paramLabel = "NAME", description = "Who is accountable for them")
    private String owner;

    @Option(names = "--expires", paramLabel = "YYYY-MM-DD", description = "Last day the suppressions apply")
    private String expires;

    @Option(names = "--days", paramLabel = "N", description = "Expire the suppressions N days from today")
    private Integer days;

    @Option(names = "--file", paramLabel = "FILE",
            description = "The suppressions file (default:%n.devsecops/suppressions.yaml in the scanned directory)")
    private Path file;

    @Option(names = "--stages", split = ",", paramLabel = "STAGE", description = "Stages to run (default: every default stage)")
    private List<String> stages = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "PATTERN", description = "Leave out files matching this pattern (repeatable)")
    private List<String> excludes = new ArrayList<>();

    /** The scan command's default report directory. */
    static final String DEFAULT_OUTPUT = "devsecops-report";

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = ConsoleWriter.of(spec.commandLine().getOut());
        if (reason.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--reason must not be blank");
        }
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        LocalDate expiry = expiry(today);
        Path root = path.toAbsolutePath().normalize();
        TreeFiles tree = new TreeFiles(root);
        Path target = (file != null ? file : root.resolve(SuppressionFile.DEFAULT_PATH)).toAbsolutePath().normalize();
        List<SuppressionEntry> existing = List.of();
        // The file is replaced, never written through: a link or FIFO in its place is refused before the scan.
        SafeDirectory directory = SafeDirectory.create(target.getParent(), tree);
        if (tree.isPresent(target)) {
            try {
                existing = SuppressionFile.parse(tree.readText(target, StrictYamlReader.MAX_BYTES),
                        target.getFileName().toString());
            } catch (YamlInputException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        // Like scan with its default --output: reports written there earlier are not scanned.
        ScanRequest.Builder request = ScanRequest.builder(root).stages(stages).ownDirectory(Path.of(DEFAULT_OUTPUT));
        excludes.forEach(request::exclude);
        Report report;
        try {
            report = ScanEngine.withBuiltInStages().scan(request.build(), ProgressListener.NONE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        List<SuppressionEntry> entries = SuppressionBaseline.extend(existing, report, reason, owner, today, expiry);
        directory.write(target.getFileName().toString(), stream -> {
            Writer writer = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
            SuppressionFile.write(entries, writer);
            writer.flush();
        });
        out.println("Wrote " + (entries.size() - existing.size()) + " new suppressions (" + entries.size()
                + " in all) to " + target + (expiry == null ? "" : ", expiring " + expiry));
        out.flush();
        return DevSecOpsCommand.EXIT_PASSED;
    }

    private LocalDate expiry(LocalDate today) {
        if (expires != null && days != null) {
            throw new ParameterException(spec.commandLine(), "Give --expires or --days, not both");
        }
        if (days != null) {
            if (days < 1) {
                throw new ParameterException(spec.commandLine(), "--days must be at least 1");
            }
            return today.plusDays(days);
        }
        if (expires == null) {
            return null;
        }
        try {
            return LocalDate.parse(expires);
        } catch (DateTimeParseException e) {
            throw new ParameterException(spec.commandLine(), "--expires must be a date like 2026-12-31: " + expires);
        }
    }
}
