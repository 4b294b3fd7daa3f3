package io.jenkins.plugins.devsecops.iac.dockerfile;

import static io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules.each;
import static io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules.hit;
import static io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules.rule;

import io.jenkins.plugins.devsecops.iac.dockerfile.ShellCommands.Command;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Dockerfile rules about the build itself: stages, COPY, CMD/ENTRYPOINT form, SHELL, ENV and downloads. */
final class BuildRules {

    private static final Pattern KEY_VALUE = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*)=(\"[^\"]*\"|'[^']*'|\\S*)");
    /*
     * Expressions that were given to String.split, replaceFirst and matches, which compiled them again at every
     * call; Pattern.split, matcher(...).replaceFirst and matcher(...).matches() are what those methods run.
     */
    private static final Pattern PROTOCOL_SUFFIX = Pattern.compile("/(tcp|udp)$");
    private static final Pattern PORT_DIGITS = Pattern.compile("[0-9]{1,9}");
    private static final Pattern PLAIN_HTTP = Pattern.compile("\\bhttp://(?!localhost\\b|127\\.0\\.0\\.1\\b|\\[::1])"
            + "[A-Za-z0-9.-]+");

    private BuildRules() {
    }

    /** ENV variables that turn TLS verification off, and the value that does; empty: any non-empty value. */
    private static final Map<String, String> TLS_OFF = Map.of("NODE_TLS_REJECT_UNAUTHORIZED", "0",
            "PYTHONHTTPSVERIFY", "0", "GIT_SSL_NO_VERIFY", "", "NPM_CONFIG_STRICT_SSL", "false",
            "PIP_TRUSTED_HOST", "");

    private static Map<String, String> assignments(String arguments) {
        Map<String, String> values = new HashMap<>();
        // KEY_VALUE needs an '=': without one the expression is not run, and none is found, as it would find
        Matcher matcher = arguments.indexOf('=') < 0 ? null : KEY_VALUE.matcher(arguments);
        boolean any = false;
        while (matcher != null && matcher.find()) {
            any = true;
            values.put(matcher.group(1), matcher.group(2).replace("\"", "").replace("'", ""));
        }
        if (!any) {
            String[] parts = ShellCommands.WHITESPACE.split(arguments.strip(), 2);
            if (parts.length == 2) {
                values.put(parts[0], parts[1].strip().replace("\"", "").replace("'", ""));
            }
        }
        return values;
    }

    /** The words of a COPY/ADD without its JSON brackets. */
    private static List<String> copyWords(DockerInstruction instruction) {
        String text = instruction.expanded().strip();
        List<String> words = new ArrayList<>();
        if (text.startsWith("[")) {
            for (String part : text.substring(1, Math.max(1, text.lastIndexOf(']'))).split(",")) {
                words.add(part.strip().replace("\"", ""));
            }
        } else {
            for (String word : ShellCommands.WHITESPACE.split(text)) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    static List<IacRule> rules() {
        return List.of(
                rule("docker-copy-multiple-sources-no-slash", Severity.LOW, "CWE-710",
                        "COPY of several sources to a destination without a trailing slash",
                        "End the destination with / when copying more than one source.", "COPY, ADD",
                        (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if (instruction.is("COPY") || instruction.is("ADD")) {
                                        List<String> words = copyWords(instruction);
                                        String destination = words.isEmpty() ? "" : words.get(words.size() - 1);
                                        if (words.size() > 2 && !destination.endsWith("/")
                                                && !destination.startsWith("$") && !instruction.arguments().contains("<<")) {
                                            hit(file, stage, instruction, destination + " has no trailing slash",
                                                    hits);
                                        }
                                    }
                                }
                            }
                        }),
                rule("docker-copy-from-own-stage", Severity.LOW, "CWE-710", "COPY --from names the stage it is in",
                        "Copy from an earlier stage or an image; a stage cannot copy from itself.", "COPY",
                        (file, hits) -> each(file, "COPY", (stage, instruction) -> instruction.flag("from")
                                .filter(from -> stage.name() != null && from.equalsIgnoreCase(stage.name()))
                                .ifPresent(from -> hit(file, stage, instruction, "--from=" + from, hits)))),
                rule("docker-duplicate-stage-name", Severity.LOW, "CWE-710", "Two build stages share one name",
                        "Give every FROM ... AS a unique name.", "FROM", (file, hits) -> {
                            Map<String, DockerStage> seen = new HashMap<>();
                            for (DockerStage stage : file.stages()) {
                                if (stage.name() != null
                                        && seen.putIfAbsent(stage.name().toLowerCase(Locale.ROOT), stage) != null) {
                                    hit(file, stage, stage.from(), stage.name() + " is used twice", hits);
                                }
                            }
                        }),
                rule("docker-cmd-shell-form", Severity.LOW, "CWE-710",
                        "CMD or ENTRYPOINT uses the shell form",
                        "Use the JSON form (CMD [\"app\", \"--flag\"]) so the process gets signals and runs as PID 1.",
                        "CMD, ENTRYPOINT", (file, hits) -> {
                            DockerStage last = file.finalStage();
                            for (DockerInstruction instruction : last.instructions()) {
                                if ((instruction.is("CMD") || instruction.is("ENTRYPOINT"))
                                        && !instruction.arguments().strip().startsWith("[")) {
                                    hit(file, last, instruction, instruction.keyword() + " in shell form", hits);
                                }
                            }
                        }),
                rule("docker-shell-pipefail", Severity.LOW, "CWE-755",
                        "RUN pipes commands without pipefail",
                        "Add SHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"] (or set -o pipefail) so a failing "
                                + "download does not go unnoticed.", "RUN, SHELL", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                boolean pipefail = false;
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if (instruction.is("SHELL")) {
                                        String shell = instruction.arguments();
                                        pipefail = shell.contains("pipefail") || shell.contains("pwsh")
                                                || shell.contains("powershell") || shell.contains("cmd");
                                    } else if (instruction.is("RUN") && !pipefail
                                            && !instruction.arguments().strip().startsWith("[")
                                            && !instruction.arguments().contains("pipefail")
                                            && ShellCommands.pipes(instruction.expanded())) {
                                        hit(file, stage, instruction, "pipe without pipefail", hits);
                                    }
                                }
                            }
                        }),
                rule("docker-env-disables-tls", Severity.HIGH, "CWE-295",
                        "ENV turns off TLS certificate verification",
                        "Remove NODE_TLS_REJECT_UNAUTHORIZED=0, PYTHONHTTPSVERIFY=0, GIT_SSL_NO_VERIFY, "
                                + "NPM_CONFIG_STRICT_SSL=false and PIP_TRUSTED_HOST; trust the needed CA instead.",
                        "ENV", (file, hits) -> each(file, "ENV", (stage, instruction) -> {
                            assignments(instruction.expanded()).forEach((name, value) -> {
                                String off = TLS_OFF.get(name.toUpperCase(Locale.ROOT));
                                if (off != null && (off.isEmpty() ? !value.isEmpty() : off.equalsIgnoreCase(value))) {
                                    hit(file, stage, instruction, name + "=" + value, hits);
                                }
                            });
                        })),
                rule("docker-chown-after-copy", Severity.LOW, "CWE-710",
                        "RUN chown changes files a COPY just added",
                        "Use COPY --chown=user:group instead: a separate chown duplicates the files in a new layer.",
                        "COPY, ADD, RUN", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                List<String> copied = new ArrayList<>();
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if ((instruction.is("COPY") || instruction.is("ADD"))
                                            && instruction.flag("chown").isEmpty()) {
                                        List<String> words = copyWords(instruction);
                                        if (words.size() >= 2) {
                                            copied.add(trimSlash(words.get(words.size() - 1)));
                                        }
                                    } else if (instruction.is("RUN")) {
                                        for (Command command : ShellCommands.of(instruction.expanded())) {
                                            if (command.program().equals("chown") && command.words().stream()
                                                    .skip(1).map(BuildRules::trimSlash).anyMatch(copied::contains)) {
                                                hit(file, stage, instruction, "chown of copied files", hits);
                                                break;
                                            }
                                        }
                                    }
                                }
                            }
                        }),
                rule("docker-base-image-no-digest", Severity.LOW, "CWE-494",
                        "Base image is not pinned by digest",
                        "Reference the base image as name:tag@sha256:<digest> so that the build is reproducible.",
                        "FROM", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                String image = stage.baseImage();
                                if (image.equalsIgnoreCase("scratch") || file.isStageName(image)
                                        || image.contains("$") || image.contains("@sha256:")
                                        || DockerfileRules.isLatest(image)) {
                                    continue;
                                }
                                hit(file, stage, stage.from(), image + " has no digest", hits);
                            }
                        }),
                rule("docker-multiple-healthcheck", Severity.LOW, "CWE-710", "Stage has more than one HEALTHCHECK",
                        "Keep one HEALTHCHECK: only the last takes effect.", "HEALTHCHECK",
                        (file, hits) -> DockerfileRules.repeated(file, "HEALTHCHECK", hits)),
                rule("docker-expose-invalid-port", Severity.LOW, "CWE-20", "EXPOSE names a port outside 0-65535",
                        "Expose a valid TCP/UDP port number.", "EXPOSE", (file, hits) -> each(file, "EXPOSE",
                                (stage, instruction) -> {
                                    for (String word : ShellCommands.WHITESPACE.split(instruction.expanded().strip())) {
                                        for (String port : PROTOCOL_SUFFIX.matcher(word).replaceFirst("").split("-")) {
                                            if (PORT_DIGITS.matcher(port).matches() && Long.parseLong(port) > 65_535) {
                                                hit(file, stage, instruction, port + " is not a port", hits);
                                            }
                                        }
                                    }
                                })),
                rule("docker-wget-and-curl", Severity.LOW, "CWE-710", "Image uses both wget and curl",
                        "Pick one download tool, so the image carries one less binary.", "RUN", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                DockerInstruction wget = null;
                                DockerInstruction curl = null;
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if (instruction.is("RUN")) {
                                        for (Command command : ShellCommands.of(instruction.expanded())) {
                                            if (command.program().equals("wget") && wget == null) {
                                                wget = instruction;
                                            } else if (command.program().equals("curl") && curl == null) {
                                                curl = instruction;
                                            }
                                        }
                                    }
                                }
                                if (wget != null && curl != null) {
                                    DockerInstruction later = wget.line() > curl.line() ? wget : curl;
                                    hit(file, stage, later, "wget and curl both used", hits);
                                }
                            }
                        }),
                rule("docker-plain-http-download", Severity.MEDIUM, "CWE-319",
                        "Build downloads over plain HTTP",
                        "Download over HTTPS (and verify a checksum): plain HTTP can be tampered with in transit.",
                        "RUN, ADD", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                for (DockerInstruction instruction : stage.instructions()) {
                                    boolean downloads = instruction.is("ADD") || instruction.is("RUN")
                                            && ShellCommands.of(instruction.expanded()).stream().anyMatch(c ->
                                                    c.program().equals("curl") || c.program().equals("wget"));
                                    if (downloads) {
                                        Matcher url = PLAIN_HTTP.matcher(instruction.expanded());
                                        if (url.find()) {
                                            hit(file, stage, instruction, url.group() + " is plain HTTP", hits);
                                        }
                                    }
                                }
                            }
                        }));
    }

    private static String trimSlash(String path) {
        String trimmed = path.replace("\"", "");
        return trimmed.length() > 1 && trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
