package io.jenkins.plugins.devsecops.iac.dockerfile;

import static io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules.hit;
import static io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileRules.rule;

import io.jenkins.plugins.devsecops.iac.dockerfile.ShellCommands.Command;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.model.Severity;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * Dockerfile rules about package managers in {@code RUN}: version pinning (apk, yum/dnf, zypper, npm, gem, go),
 * caches, non-interactive installs, and switches that turn off signature or TLS checks.
 */
final class PackageManagerRules {

    private static final Set<String> YUM = Set.of("yum", "dnf", "microdnf", "tdnf");
    private static final Set<String> INSTALL = Set.of("install", "in", "reinstall", "localinstall", "groupinstall");
    /** Options of apk/yum/zypper/npm/gem that take the next word as their value. */
    private static final Set<String> VALUED_OPTIONS = Set.of("-X", "--repository", "-t", "--virtual", "--root",
            "-p", "--arch", "--enablerepo", "--disablerepo", "--setopt", "--installroot", "--releasever", "-r", "--repo",
            "--from", "--registry", "--prefix", "-i", "--install-dir", "-n", "--bindir", "--source", "--cache",
            "--keys-dir");
    private static final Pattern PIP = Pattern.compile("pip[0-9.]*");
    private static final Pattern ZYPPER_CLEAN = Pattern.compile("\\bzypper\\s+(-\\S+\\s+)*(clean|cc)\\b");
    private static final Pattern RPM_VERSION = Pattern.compile(".*-[0-9][^/]*");
    private static final Pattern SSL_VERIFY_OFF = Pattern.compile("(?i)sslverify\\s*=\\s*(0|false|no)\\b");
    private static final Pattern GPG_CHECK_OFF = Pattern.compile("(?i)\\bgpgcheck\\s*=\\s*(0|false|no)\\b");

    private PackageManagerRules() {
    }

    /** A rule that reports the first simple command of a RUN for which {@code problem} returns a detail. */
    private static IacRule commandRule(String id, Severity severity, String cwe, String title, String remediation,
            BiFunction<Command, String, String> problem) {
        return rule(id, severity, cwe, title, remediation, "RUN", (file, hits) -> {
            for (DockerStage stage : file.stages()) {
                for (DockerInstruction instruction : stage.instructions()) {
                    if (!instruction.is("RUN") || instruction.expanded().strip().startsWith("[")) {
                        continue;
                    }
                    String run = instruction.expanded();
                    for (Command command : ShellCommands.of(run)) {
                        String detail = problem.apply(command, run);
                        if (detail != null) {
                            hit(file, stage, instruction, detail, hits);
                            break;
                        }
                    }
                }
            }
        });
    }

    /** The package words of an install command: not options, not option values, not variables. */
    private static List<String> packages(Command command) {
        List<String> args = command.arguments();
        List<String> packages = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String word = args.get(i);
            if (VALUED_OPTIONS.contains(word)) {
                i++;
            } else if (!word.startsWith("-") && !word.startsWith("$") && !word.startsWith("`") && !word.equals("\\")
                    && !word.equals(">") && !word.startsWith(">") && !word.startsWith("<")) {
                packages.add(word);
            }
        }
        return packages;
    }

    private static String firstUnpinned(Command command, java.util.function.Predicate<String> pinned) {
        for (String name : packages(command)) {
            if (!pinned.test(name)) {
                return name + " has no version";
            }
        }
        return null;
    }

    private static boolean isInstall(Command command) {
        return YUM.contains(command.program()) && INSTALL.contains(command.subcommand());
    }

    static List<IacRule> rules() {
        return List.of(
                commandRule("docker-apk-unpinned", Severity.LOW, "CWE-1104", "apk adds packages without versions",
                        "Pin versions: apk add --no-cache package=1.2.3-r0.", (c, run) -> c.is("apk", "add")
                                ? firstUnpinned(c, name -> name.contains("=") || name.endsWith(".apk")) : null),
                commandRule("docker-yum-unpinned", Severity.LOW, "CWE-1104",
                        "yum/dnf installs packages without versions",
                        "Pin versions: yum install -y package-1.2.3 (dnf, microdnf alike).", (c, run) -> isInstall(c)
                                ? firstUnpinned(c, name -> RPM_VERSION.matcher(name).matches() || name.endsWith(".rpm")
                                        || name.startsWith("@") || name.contains("://") || name.startsWith("/"))
                                : null),
                commandRule("docker-zypper-unpinned", Severity.LOW, "CWE-1104", "zypper installs packages without "
                                + "versions", "Pin versions: zypper install -y package=1.2.3.",
                        (c, run) -> c.is("zypper", "install", "in") ? firstUnpinned(c, name -> name.contains("=")
                                || name.contains(">") || name.contains("<") || name.endsWith(".rpm")) : null),
                commandRule("docker-npm-unpinned", Severity.LOW, "CWE-1104", "npm installs packages without versions",
                        "Pin versions (npm install name@1.2.3) or install from a lockfile with npm ci.",
                        (c, run) -> c.is("npm", "install", "i", "add") || c.is("yarn", "add")
                                || c.is("pnpm", "add", "install") ? firstUnpinned(c, name -> name.lastIndexOf('@') > 0
                                        || name.startsWith(".") || name.startsWith("/") || name.contains("://")
                                        || name.contains(":") || name.endsWith(".tgz")) : null),
                commandRule("docker-gem-unpinned", Severity.LOW, "CWE-1104", "gem installs gems without versions",
                        "Pin versions: gem install name:1.2.3 or gem install name -v 1.2.3.", (c, run) ->
                                c.is("gem", "install") && !c.has("-v") && !c.has("--version")
                                        && !c.hasPrefix("--version=")
                                        ? firstUnpinned(c, name -> name.contains(":") || name.endsWith(".gem")) : null),
                commandRule("docker-go-install-unpinned", Severity.LOW, "CWE-1104",
                        "go install fetches a tool without a fixed version",
                        "Pin the module version: go install example.com/tool@v1.2.3 (not @latest).", (c, run) ->
                                c.is("go", "install") ? firstUnpinned(c, name -> name.startsWith(".")
                                        || name.contains("@") && !name.endsWith("@latest")
                                        && !name.endsWith("@master") && !name.endsWith("@main")) : null),
                commandRule("docker-zypper-no-cleanup", Severity.LOW, "CWE-459",
                        "zypper install leaves its cache in the image",
                        "End the same RUN with zypper clean --all.", (c, run) -> c.is("zypper", "install", "in")
                                && !ZYPPER_CLEAN.matcher(run).find() ? "cache kept" : null),
                commandRule("docker-zypper-non-interactive", Severity.LOW, "CWE-710",
                        "zypper runs interactively (no -n / -y)",
                        "Use zypper -n install -y (or --non-interactive) so builds cannot hang on a prompt.",
                        (c, run) -> c.is("zypper", "install", "in", "remove", "rm", "update", "up", "patch")
                                && !c.has("-n") && !c.has("--non-interactive") && !c.has("-y")
                                && !c.has("--no-confirm") ? "no -n or -y" : null),
                commandRule("docker-zypper-dist-upgrade", Severity.LOW, "CWE-1104",
                        "RUN upgrades the whole distribution with zypper",
                        "Use an up-to-date base image instead of zypper dist-upgrade.",
                        (c, run) -> c.is("zypper", "dist-upgrade", "dup") ? "zypper dist-upgrade" : null),
                commandRule("docker-yum-no-assume-yes", Severity.LOW, "CWE-710",
                        "yum/dnf install runs without -y",
                        "Use yum install -y (dnf install -y) so builds cannot hang on a prompt.", (c, run) ->
                                isInstall(c) && !c.program().equals("microdnf") && !c.has("-y")
                                        && !c.has("--assumeyes") ? "no -y" : null),
                commandRule("docker-apt-no-assume-yes", Severity.LOW, "CWE-710", "apt-get install runs without -y",
                        "Use apt-get install -y so builds cannot hang on a prompt.", (c, run) ->
                                c.is("apt-get", "install") && !c.hasPrefix("-y") && !c.has("--yes")
                                        && !c.has("--assume-yes") && !c.has("-qq") && !c.hasPrefix("-qy")
                                        && !c.hasPrefix("-qqy") ? "no -y" : null),
                commandRule("docker-apt-not-apt-get", Severity.LOW, "CWE-710",
                        "RUN uses apt instead of apt-get",
                        "Use apt-get (or apt-cache): apt has no stable command-line interface for scripts.",
                        (c, run) -> c.is("apt", "install", "update", "upgrade", "remove", "purge", "dist-upgrade",
                                "full-upgrade", "autoremove") ? "apt " + c.subcommand() : null),
                rule("docker-update-alone", Severity.LOW, "CWE-1104",
                        "Package index is updated in a RUN that installs nothing",
                        "Update and install in the same RUN (apt-get update && apt-get install -y ...), or the cached "
                                + "index layer goes stale.", "RUN", (file, hits) -> {
                            for (DockerStage stage : file.stages()) {
                                for (DockerInstruction instruction : stage.instructions()) {
                                    if (!instruction.is("RUN")) {
                                        continue;
                                    }
                                    List<Command> commands = ShellCommands.of(instruction.expanded());
                                    boolean updates = commands.stream().anyMatch(c -> c.is("apt-get", "update")
                                            || c.is("apt", "update") || c.is("apk", "update")
                                            || YUM.contains(c.program()) && c.subcommand().equals("makecache")
                                            || c.is("zypper", "refresh", "ref"));
                                    boolean installs = commands.stream().anyMatch(c -> c.subcommand().equals("install")
                                            || c.is("apk", "add", "upgrade") || c.subcommand().equals("upgrade")
                                            || c.subcommand().equals("dist-upgrade") || c.is("zypper", "in"));
                                    if (updates && !installs) {
                                        hit(file, stage, instruction, "update without install", hits);
                                    }
                                }
                            }
                        }),
                commandRule("docker-pip-no-cache", Severity.LOW, "CWE-459", "pip install keeps its cache in the image",
                        "Use pip install --no-cache-dir (or set PIP_NO_CACHE_DIR=1, or a RUN --mount=type=cache).",
                        (c, run) -> PIP.matcher(c.program()).matches() && c.subcommand().equals("install")
                                && !c.has("--no-cache-dir") && !run.contains("PIP_NO_CACHE_DIR") ? "cache kept" : null),
                commandRule("docker-pip-trusted-host", Severity.MEDIUM, "CWE-295",
                        "pip trusts a host without TLS verification",
                        "Remove --trusted-host and serve the index over verified HTTPS.", (c, run) ->
                                PIP.matcher(c.program()).matches() && (c.hasPrefix("--trusted-host")
                                        || c.words().stream().anyMatch(w -> w.contains("trusted-host")))
                                        ? "--trusted-host" : null),
                commandRule("docker-npm-strict-ssl-off", Severity.MEDIUM, "CWE-295",
                        "npm or yarn certificate checks are disabled (strict-ssl false)",
                        "Keep strict-ssl on; add the company CA with cafile instead.", (c, run) ->
                                (c.program().equals("npm") || c.program().equals("yarn"))
                                        && (c.has("strict-ssl") && c.has("false") || c.has("--strict-ssl=false")
                                        || c.has("strict-ssl=false")) ? "strict-ssl false" : null),
                commandRule("docker-apk-allow-untrusted", Severity.HIGH, "CWE-347",
                        "apk installs packages without signature checks",
                        "Remove --allow-untrusted and add the repository's signing key instead.", (c, run) ->
                                c.program().equals("apk") && c.has("--allow-untrusted") ? "--allow-untrusted" : null),
                commandRule("docker-apt-unauthenticated", Severity.HIGH, "CWE-347",
                        "apt-get installs unauthenticated packages",
                        "Remove --allow-unauthenticated / --force-yes / AllowUnauthenticated and import the "
                                + "repository key.", (c, run) -> (c.program().equals("apt-get") || c.program()
                                        .equals("apt")) && (c.has("--allow-unauthenticated") || c.has("--force-yes")
                                        || c.words().stream().anyMatch(w -> w.contains("AllowUnauthenticated=true")))
                                ? "unauthenticated packages allowed" : null),
                commandRule("docker-rpm-no-verify", Severity.HIGH, "CWE-347",
                        "rpm installs packages without digest or signature checks",
                        "Remove --nodigest, --nosignature, --noverify and --nofiledigest.", (c, run) ->
                                c.program().equals("rpm") && (c.has("--nodigest") || c.has("--nosignature")
                                        || c.has("--noverify") || c.has("--nofiledigest")) ? "checks disabled" : null),
                commandRule("docker-nogpgcheck", Severity.HIGH, "CWE-347",
                        "yum/dnf installs packages without GPG signature checks",
                        "Remove --nogpgcheck (and gpgcheck=0) and import the repository key.", (c, run) ->
                                YUM.contains(c.program()) && c.has("--nogpgcheck")
                                        // the expression needs gpgcheck inside one word: the words are tried first
                                        || c.anyWordContainsIgnoreCase("gpgcheck")
                                        && GPG_CHECK_OFF.matcher(String.join(" ", c.words())).find()
                                        ? "GPG checks disabled" : null),
                commandRule("docker-yum-sslverify-off", Severity.HIGH, "CWE-295",
                        "yum/dnf TLS verification is disabled (sslverify=0)",
                        "Keep sslverify on; add the repository's CA to the trust store.", (c, run) ->
                                c.anyWordContainsIgnoreCase("sslverify")
                                        && SSL_VERIFY_OFF.matcher(String.join(" ", c.words())).find()
                                        ? "sslverify off" : null),
                commandRule("docker-git-tls-disabled", Severity.HIGH, "CWE-295",
                        "git certificate checks are disabled",
                        "Remove http.sslVerify=false; add the server's CA with http.sslCAInfo.", (c, run) ->
                                c.program().equals("git") && c.words().stream().anyMatch(w -> w.equalsIgnoreCase(
                                        "http.sslVerify=false")) || c.program().equals("git") && c.has("config")
                                        && c.words().stream().anyMatch(w -> w.equalsIgnoreCase("http.sslVerify"))
                                        && c.has("false") ? "http.sslVerify false" : null),
                commandRule("docker-chpasswd", Severity.MEDIUM, "CWE-259", "RUN sets a password with chpasswd",
                        "Do not bake passwords into images: lock the account or use key-based access set at run "
                                + "time.", (c, run) -> c.program().equals("chpasswd") ? "chpasswd" : null));
    }
}
