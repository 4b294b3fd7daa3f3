package io.jenkins.plugins.devsecops.cli;

import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.policy.PolicyCheck;
import io.jenkins.plugins.devsecops.policy.PolicyYaml;
import io.jenkins.plugins.devsecops.policy.QualityGate;
import io.jenkins.plugins.devsecops.policy.SecurityPolicy;
import io.jenkins.plugins.devsecops.yaml.StrictYamlReader;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code devsecops policy}: works with policy files. */
@Command(name = "policy", mixinStandardHelpOptions = true, description = "Checks policy files.",
        subcommands = PolicyCommand.Check.class)
final class PolicyCommand {

    /** {@code devsecops policy check FILE}: validates a policy file and prints what it means. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Validates a policy file and reports every error, each at its line and column.",
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {"0:the policy is valid", "2:the policy is invalid or unreadable"})
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @Parameters(index = "0", arity = "0..1", defaultValue = PolicyYaml.FILE_NAME, paramLabel = "FILE",
                description = "The policy file (default: ${DEFAULT-VALUE})")
        private Path file;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = ConsoleWriter.of(spec.commandLine().getOut());
            PrintWriter err = ConsoleWriter.of(spec.commandLine().getErr());
            if (!Files.exists(file)) {
                err.println("error: " + file + ": file not found");
                return DevSecOpsCommand.EXIT_ERROR;
            }
            if (!Files.isRegularFile(file)) {
                err.println("error: " + file + ": not a regular file");
                return DevSecOpsCommand.EXIT_ERROR;
            }
            String text;
            try (InputStream in = Files.newInputStream(file)) {
                text = new String(in.readNBytes(StrictYamlReader.MAX_BYTES + 1), StandardCharsets.UTF_8);
            }
            String name = String.valueOf(file.getFileName());
            List<YamlInputException> problems = new ArrayList<>(PolicyCheck.check(text, name));
            SecurityPolicy policy = null;
            if (problems.isEmpty()) {
                try {
                    policy = PolicyYaml.parse(text, name);
                } catch (YamlInputException e) {
                    problems.add(e);
                }
            }
            if (!problems.isEmpty()) {
                problems.forEach(problem -> err.println("error: " + problem.getMessage()));
                err.println(file + ": " + Plural.of(problems.size(), "error") + ", the policy is invalid");
                err.flush();
                return DevSecOpsCommand.EXIT_ERROR;
            }
            out.println(file + ": valid policy");
            for (QualityGate gate : policy.gates()) {
                out.println("  gate " + gate.id() + ": " + gate.describe());
            }
            if (!policy.requiredStages().isEmpty()) {
                out.println("  required stages: " + String.join(", ", policy.requiredStages()));
            }
            for (Severity severity : Severity.values()) {
                policy.sla(severity).ifPresent(days -> out.println("  SLA " + severity + ": " + days + " days"));
            }
            out.println("  suppressions: " + (policy.suppressionRules().requiresJustification()
                    ? "justification required" : "justification optional")
                    + (policy.suppressionRules().maxAgeDays() == null ? ""
                            : ", at most " + policy.suppressionRules().maxAgeDays() + " days"));
            out.flush();
            return DevSecOpsCommand.EXIT_PASSED;
        }
    }
}
