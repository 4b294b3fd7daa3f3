package io.jenkins.plugins.devsecops.iac.dockerfile;

import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.PolicyDocuments;
import io.jenkins.plugins.devsecops.iac.rule.RuleHit;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import com.google.re2j.Matcher;
import com.google.re2j.Pattern;

/** Rules for Dockerfiles. */
public final class DockerfileRules {

    private static final Pattern PIPE_TO_SHELL = Pattern.compile(
            "\\b(curl|wget)\\b[^|;&]*\\|\\s*(sudo\\s+)?(ba|z|da|k)?sh\\b|\\b(ba)?sh\\s+-c\\s+[\"']?\\$\\((curl|wget)");
    private static final Pattern APT_INSTALL = Pattern.compile("\\bapt(-get)?\\s+(-\\S+\\s+)*install\\b([^;&|]*)");
    private static final Pattern APK_ADD = Pattern.compile("\\bapk\\s+(-\\S+\\s+)*add\\b([^;&|]*)");
    private static final Pattern PIP_INSTALL = Pattern.compile("\\bpip[0-9.]*\\s+install\\b([^;&|]*)");
    private static final Pattern YUM_INSTALL = Pattern.compile("\\b(yum|dnf|microdnf)\\s+(-\\S+\\s+)*install\\b");
    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S*)");
    private static final Pattern INSECURE_DOWNLOAD = Pattern.compile(
            "\\bcurl\\b[^;&|]*\\s(-k|--insecure|-[a-zA-Z]*k[a-zA-Z]*)(\\s|$)|\\bwget\\b[^;&|]*--no-check-certificate");
    private static final Pattern CHMOD_777 = Pattern.compile("\\bchmod\\s+(-R\\s+)?(0?777|a\\+rwx|ugo\\+rwx)\\b");
    private static final Pattern REMOTE_URL = Pattern.compile("\\bhttps?://");
    private static final Pattern REMOTE_OR_GIT_URL = Pattern.compile("\\b(https?|git)://");
    private static final Pattern LOCAL_ARCHIVE = Pattern.compile("\\.(tar|tar\\.gz|tgz|tar\\.bz2|tar\\.xz|txz)\\s");
    private static final Pattern YUM_CLEAN = Pattern.compile("\\b(yum|dnf|microdnf)\\s+clean\\s+all");
    private static final Pattern APT_UPGRADE = Pattern.compile("\\bapt(-get)?\\s+(-\\S+\\s+)*(dist-)?upgrade\\b");
    private static final Pattern CREDENTIAL_FILE = Pattern.compile("\\bid_(rsa|dsa|ecdsa|ed25519)\\b|\\.ssh/"
            + "|\\.pem\\b|\\.key\\b|\\.aws/credentials|\\.npmrc|\\.pypirc|\\.netrc");
    private static final Pattern SUDO = Pattern.compile("(^|[;&|(]\\s*|\\s)sudo\\s");
    /*
     * Expressions that were given to String.split and String.matches, which compiled them again at every call;
     * java.util.regex's Pattern.split and matcher(...).matches() are what those methods run, so the results are the
     * same.
     */
    private static final java.util.regex.Pattern COMMAND_SEPARATOR =
            java.util.regex.Pattern.compile("&&|;|\\|\\||\\n");
    private static final java.util.regex.Pattern PINNED = java.util.regex.Pattern.compile(".*[=<>~@].*");
    private static final java.util.regex.Pattern DRIVE_PATH = java.util.regex.Pattern.compile("[A-Za-z]:.*");

    private DockerfileRules() {
    }

    /** The logic of a Dockerfile rule. */
    @FunctionalInterface
    interface DockerfileCheck {
        void check(Dockerfile dockerfile, RuleHits hits);
    }

    static IacRule rule(String id, Severity severity, String cwe, String title, String remediation,
            String appliesTo, DockerfileCheck check) {
        return IacRule.builder(id, IacPlatform.DOCKERFILE).severity(severity).cwe(cwe).title(title)
                .remediation(remediation).appliesTo(appliesTo).check((target, hits) -> {
                    if (target instanceof Dockerfile dockerfile) {
                        check.check(dockerfile, hits);
                    }
                });
    }

    static void hit(Dockerfile file, DockerStage stage, DockerInstruction instruction, String detail,
            RuleHits hits) {
        hits.add(new RuleHit(stage.address(), file.path(), instruction.line(), instruction.keyword(), detail, false));
    }

    /** A rule that looks at every RUN instruction's expanded command. */
    static IacRule runRule(String id, Severity severity, String cwe, String title, String remediation,
            java.util.function.Function<String, String> problem) {
        return rule(id, severity, cwe, title, remediation, "RUN", (file, hits) -> {
            for (DockerStage stage : file.stages()) {
                for (DockerInstruction instruction : stage.instructions()) {
                    if (instruction.is("RUN")) {
                        String detail = problem.apply(instruction.expanded());
                        if (detail != null) {
                            hit(file, stage, instruction, detail, hits);
                        }
                    }
                }
            }
        });
    }

    /**
     * Whether {@code run} holds one of {@code words}: the regular expressions of the RUN rules each need one of a few
     * literal words, and most RUN lines have none of them, so this cheap test comes first.
     */
    private static boolean mentions(String run, String first, String second) {
        return run.contains(first) || run.contains(second);
    }

    /** The shell commands of a RUN, split on {@code &&}, {@code ;}, {@code ||} and newlines. */
    private static List<String> commands(String run) {
        List<String> result = new ArrayList<>();
        for (String part : COMMAND_SEPARATOR.split(run)) {
            if (!part.isBlank()) {
                result.add(part.strip());
            }
        }
        return result;
    }

    /** Every Dockerfile rule. */
    public static List<IacRule> rules() {
        List<IacRule> all = new ArrayList<>(baseRules());
        all.addAll(PackageManagerRules.rules());
        all.addAll(BuildRules.rules());
        return List.copyOf(all);
    }

    private static List<IacRule> baseRules() {
        return List.of(
                rule("docker-root-user", Severity.MEDIUM, "CWE-250", "Image runs as root",
                        "Create an unprivileged user and switch to it with USER before CMD/ENTRYPOINT.", "USER",
                        (file, hits) -> {
                            DockerStage last = file.finalStage();
                            if (last.baseImage().equalsIgnoreCase("scratch")) {
                                return;
                            }
                            DockerInstruction user = null;
                            for (DockerInstruction instruction : last.instructions()) {
                                if (instruction.is("USER")) {
                                    user = instruction;
                                }
                            }
                            if (user == null) {
                                hit(file, last, last.from(), "no USER instruction in the final stage", hits);
                            } else {
                                String name = user.expanded().strip().split(":")[0];
                                if (name.equals("root") || name.equals("0")) {
                                    hit(file, last, user, "USER is " + name, hits);
                                }
                            }
                        }),
                rule("docker-add-from-url", Severity.MEDIUM, "CWE-494", "ADD downloads a remote file",
                        "Download with curl/wget and verify a checksum, or use ADD --checksum=sha256:...", "ADD",
                        (file, hits) -> each(file, "ADD", (stage, instruction) -> {
                            if (REMOTE_URL.matcher(instruction.expanded()).find()
                                    && instruction.flag("checksum").isEmpty()) {
                                hit(file, stage, instruction, "remote ADD without checksum", hits);
                            }
                        })),
                rule("docker-add-instead-of-copy", Severity.LOW, "CWE-710", "ADD used to copy local files",
                        "Use COPY for local files; ADD silently extracts archives.", "ADD",
                        (file, hits) -> each(file, "ADD", (stage, instruction) -> {
                            String args = instruction.expanded();
                            if (!REMOTE_OR_GIT_URL.matcher(args).find() && !LOCAL_ARCHIVE.matcher(args).find()) {
                                hit(file, stage, instruction, "use COPY", hits);
                            }
                        })),
                rule("docker-base-image-latest", Severity.MEDIUM, "CWE-494",
                        "Base image uses the latest tag or no tag",
                        "Pin the base image to a version tag and digest (image:1.2.3@sha256:...).", "FROM",
                        (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                String image = stage.baseImage();
                                if (image.equalsIgnoreCase("scratch") || file.isStageName(image) || image.contains("$")) {
                                    continue;
                                }
                                if (isLatest(image)) {
                                    hit(file, stage, stage.from(), image + " is not pinned", hits);
                                }
                            }
                        }),
                runRule("docker-curl-pipe-shell", Severity.HIGH, "CWE-494", "Remote script is piped into a shell",
                        "Download the script, verify its checksum or signature, then run it.",
                        run -> mentions(run, "curl", "wget") && PIPE_TO_SHELL.matcher(run).find() ? "download piped to a shell" : null),
                rule("docker-secret-in-env", Severity.HIGH, "CWE-798", "ENV holds a secret",
                        "Pass secrets at run time, or use BuildKit secrets (RUN --mount=type=secret).", "ENV",
                        (file, hits) -> each(file, "ENV", (stage, instruction) -> {
                            for (String name : secretAssignments(instruction.arguments(), false)) {
                                hits.add(new RuleHit(stage.address(), file.path(), instruction.line(), "ENV " + name,
                                        name + " is set in the image", true));
                            }
                        })),
                rule("docker-secret-in-arg", Severity.MEDIUM, "CWE-798", "ARG carries a secret",
                        "Build arguments stay in the image history: use BuildKit secrets instead.", "ARG",
                        (file, hits) -> {
                            List<DockerInstruction> args = new ArrayList<>(file.globalArgs());
                            file.stages().forEach(s -> s.instructions().stream().filter(i -> i.is("ARG"))
                                    .forEach(args::add));
                            for (DockerInstruction instruction : args) {
                                for (String name : secretAssignments(instruction.arguments(), true)) {
                                    hits.add(new RuleHit(addressOf(file, instruction), file.path(),
                                            instruction.line(), "ARG " + name, name + " is a build argument", true));
                                }
                            }
                        }),
                runRule("docker-sudo", Severity.MEDIUM, "CWE-250", "RUN uses sudo",
                        "Run the step as root with USER root, then switch back; do not install sudo.",
                        run -> run.contains("sudo") && SUDO.matcher(run).find() ? "sudo in RUN" : null),
                rule("docker-expose-ssh", Severity.MEDIUM, "CWE-284", "Image exposes SSH (port 22)",
                        "Do not run sshd in containers; use kubectl exec or docker exec.", "EXPOSE",
                        (file, hits) -> each(file, "EXPOSE", (stage, instruction) -> {
                            for (String port : ShellCommands.WHITESPACE.split(instruction.expanded())) {
                                if (port.equals("22") || port.startsWith("22/")) {
                                    hit(file, stage, instruction, "port 22 exposed", hits);
                                }
                            }
                        })),
                runRule("docker-apt-unpinned", Severity.LOW, "CWE-1104", "apt-get installs packages without versions",
                        "Pin versions: apt-get install package=1.2.3-1.",
                        run -> {
                            if (!run.contains("apt")) {
                                return null;
                            }
                            Matcher matcher = APT_INSTALL.matcher(run);
                            while (matcher.find()) {
                                for (String word : ShellCommands.WHITESPACE.split(matcher.group(3).trim())) {
                                    if (!word.isEmpty() && !word.startsWith("-") && !word.contains("=")
                                            && !word.startsWith("$") && !word.endsWith(".deb")) {
                                        return word + " has no version";
                                    }
                                }
                            }
                            return null;
                        }),
                runRule("docker-apt-no-cleanup", Severity.LOW, "CWE-459",
                        "apt-get install leaves the package lists in the image",
                        "End the same RUN with rm -rf /var/lib/apt/lists/*.",
                        run -> run.contains("apt") && APT_INSTALL.matcher(run).find() && !run.contains("/var/lib/apt/lists")
                                ? "package lists not removed" : null),
                runRule("docker-apt-recommends", Severity.LOW, "CWE-1104",
                        "apt-get install pulls in recommended packages",
                        "Add --no-install-recommends to keep the attack surface small.",
                        run -> run.contains("apt") && APT_INSTALL.matcher(run).find() && !run.contains("--no-install-recommends")
                                && !run.contains("APT::Install-Recommends") ? "recommended packages installed" : null),
                runRule("docker-apk-no-cache", Severity.LOW, "CWE-459", "apk add keeps its cache in the image",
                        "Use apk add --no-cache.",
                        run -> run.contains("apk") && APK_ADD.matcher(run).find() && !run.contains("--no-cache")
                                && !run.contains("/var/cache/apk") ? "apk cache kept" : null),
                runRule("docker-pip-unpinned", Severity.LOW, "CWE-1104", "pip installs packages without versions",
                        "Pin versions (pip install name==1.2.3) or install from a hashed requirements file.",
                        run -> {
                            if (!run.contains("pip")) {
                                return null;
                            }
                            Matcher matcher = PIP_INSTALL.matcher(run);
                            while (matcher.find()) {
                                String[] words = ShellCommands.WHITESPACE.split(matcher.group(1).trim());
                                for (int i = 0; i < words.length; i++) {
                                    String word = words[i];
                                    if (word.equals("-r") || word.equals("--requirement") || word.equals("-c")
                                            || word.equals("-e") || word.equals("--index-url") || word.equals("-i")) {
                                        i++;
                                        continue;
                                    }
                                    if (!word.isEmpty() && !word.startsWith("-") && !PINNED.matcher(word).matches()
                                            && !word.startsWith(".") && !word.startsWith("/") && !word.startsWith("$")
                                            && !word.endsWith(".whl") && !word.endsWith(".txt")) {
                                        return word + " has no version";
                                    }
                                }
                            }
                            return null;
                        }),
                runRule("docker-yum-no-cleanup", Severity.LOW, "CWE-459", "yum/dnf install leaves its cache in the image",
                        "End the same RUN with yum clean all (or dnf clean all).",
                        run -> mentions(run, "yum", "dnf") && YUM_INSTALL.matcher(run).find() && !YUM_CLEAN.matcher(run).find()
                                ? "package cache kept" : null),
                runRule("docker-apt-upgrade", Severity.LOW, "CWE-1104", "RUN upgrades all distribution packages",
                        "Use an up-to-date base image instead of apt-get upgrade / dist-upgrade.",
                        run -> run.contains("apt") && APT_UPGRADE.matcher(run).find()
                                ? "unpinned upgrade" : null),
                runRule("docker-insecure-download", Severity.HIGH, "CWE-295",
                        "Download disables TLS certificate checks",
                        "Remove -k/--insecure/--no-check-certificate and fix the trust store instead.",
                        run -> mentions(run, "curl", "wget") && INSECURE_DOWNLOAD.matcher(run).find()
                                ? "certificate checks disabled" : null),
                runRule("docker-chmod-777", Severity.MEDIUM, "CWE-732", "RUN makes files world-writable",
                        "Grant only the permissions needed, to the user that needs them.",
                        run -> run.contains("chmod") && CHMOD_777.matcher(run).find() ? "chmod 777" : null),
                runRule("docker-cd-in-run", Severity.LOW, "CWE-710", "RUN changes directory with cd",
                        "Use WORKDIR to change the working directory.",
                        run -> run.contains("cd ") && commands(run).stream().anyMatch(c -> c.startsWith("cd ")) ? "cd in RUN" : null),
                rule("docker-workdir-relative", Severity.LOW, "CWE-710", "WORKDIR is a relative path",
                        "Use an absolute WORKDIR path.", "WORKDIR",
                        (file, hits) -> each(file, "WORKDIR", (stage, instruction) -> {
                            String dir = instruction.expanded().strip().replace("\"", "");
                            if (!dir.startsWith("/") && !dir.startsWith("$") && !DRIVE_PATH.matcher(dir).matches()) {
                                hit(file, stage, instruction, dir + " is relative", hits);
                            }
                        })),
                rule("docker-maintainer-deprecated", Severity.LOW, "CWE-477", "MAINTAINER is deprecated",
                        "Use LABEL maintainer=\"...\".", "MAINTAINER",
                        (file, hits) -> each(file, "MAINTAINER", (stage, instruction) ->
                                hit(file, stage, instruction, "MAINTAINER", hits))),
                rule("docker-no-healthcheck", Severity.LOW, "CWE-754", "Image declares no HEALTHCHECK",
                        "Add a HEALTHCHECK so that the runtime can detect a broken container.", "HEALTHCHECK",
                        (file, hits) -> {
                            DockerStage last = file.finalStage();
                            boolean has = last.instructions().stream().anyMatch(i -> i.is("HEALTHCHECK"));
                            if (!has && !last.baseImage().equalsIgnoreCase("scratch")) {
                                hit(file, last, last.from(), "no HEALTHCHECK", hits);
                            }
                        }),
                rule("docker-multiple-cmd", Severity.LOW, "CWE-710",
                        "Stage has more than one CMD or ENTRYPOINT", "Keep one CMD and one ENTRYPOINT per stage.",
                        "CMD, ENTRYPOINT", (file, hits) -> {
                            repeated(file, "CMD", hits);
                            repeated(file, "ENTRYPOINT", hits);
                        }),
                rule("docker-copy-private-key", Severity.HIGH, "CWE-522",
                        "Private key or credentials file is copied into the image",
                        "Never bake keys into images: use BuildKit SSH forwarding (--mount=type=ssh) or secrets.",
                        "COPY, ADD", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if ((instruction.is("COPY") || instruction.is("ADD"))
                                            && CREDENTIAL_FILE.matcher(instruction.expanded()).find()) {
                                        hit(file, stage, instruction, "credential file copied", hits);
                                    }
                                }
                            }
                        }));
    }

    /** Reports every {@code keyword} of a stage after its first: only the last one takes effect. */
    static void repeated(Dockerfile file, String keyword, RuleHits hits) {
        for (DockerStage stage : file.stages()) {
            List<DockerInstruction> found = stage.instructions().stream().filter(i -> i.is(keyword)).toList();
            for (int i = 1; i < found.size(); i++) {
                hit(file, stage, found.get(i), "only the last " + keyword + " takes effect", hits);
            }
        }
    }

    private static String addressOf(Dockerfile file, DockerInstruction instruction) {
        for (DockerStage stage : file.stages()) {
            if (stage.instructions().contains(instruction)) {
                return stage.address();
            }
        }
        return "global ARG";
    }

    private static List<String> secretAssignments(String arguments, boolean isArg) {
        List<String> names = new ArrayList<>();
        // KEY_VALUE needs an '=': without one the expression is not run, and none is found, as it would find
        Matcher matcher = arguments.indexOf('=') < 0 ? null : KEY_VALUE.matcher(arguments);
        boolean any = false;
        while (matcher != null && matcher.find()) {
            any = true;
            String value = matcher.group(2).replace("\"", "").replace("'", "");
            if (PolicyDocuments.isSecretName(matcher.group(1)) && (isArg || isLiteral(value))) {
                names.add(matcher.group(1));
            }
        }
        if (!any) {
            String[] parts = ShellCommands.WHITESPACE.split(arguments.strip(), 2);
            if (!parts[0].isEmpty() && PolicyDocuments.isSecretName(parts[0])
                    && (isArg || parts.length == 2 && isLiteral(parts[1].strip()))) {
                names.add(parts[0]);
            }
        }
        return names;
    }

    private static boolean isLiteral(String value) {
        return !value.isEmpty() && !value.startsWith("$") && !value.startsWith("/run/secrets");
    }

    static boolean isLatest(String image) {
        if (image.contains("@sha256:")) {
            return false;
        }
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 || last.substring(colon + 1).toLowerCase(Locale.ROOT).equals("latest");
    }

    interface InstructionVisitor {
        void visit(DockerStage stage, DockerInstruction instruction);
    }

    static void each(Dockerfile file, String keyword, InstructionVisitor visitor) {
        for (DockerStage stage : file.stages()) {
            for (DockerInstruction instruction : stage.instructions()) {
                if (instruction.is(keyword)) {
                    visitor.visit(stage, instruction);
                }
            }
        }
    }
}
