package io.jenkins.plugins.devsecops.iac.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.iac.dockerfile.ShellCommands.Command;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.RuleHit;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile rules' cheap tests that come before their regular expressions: a command's program worked out once,
 * the {@code gpgcheck}/{@code sslverify} words looked for in the words before the expressions run on them joined,
 * and the {@code KEY_VALUE} expression run only on arguments with an {@code =}. Checked on every Dockerfile of the
 * repository and on crafted commands, against the expressions as the rules hold them.
 */
class ShellCommandsPreChecksTest {

    /** The rules' expressions, as {@link PackageManagerRules} holds them. */
    private static final Pattern GPG_CHECK_OFF = Pattern.compile("(?i)\\bgpgcheck\\s*=\\s*(0|false|no)\\b");
    private static final Pattern SSL_VERIFY_OFF = Pattern.compile("(?i)sslverify\\s*=\\s*(0|false|no)\\b");

    private static final List<String> CRAFTED = List.of(
            "yum install -y --nogpgcheck httpd",
            "dnf --setopt=gpgcheck=0 install -y curl",
            "dnf --setopt=GPGCHECK=False install -y curl",
            "microdnf install --setopt=tsflags=nodocs --setopt gpgcheck = no x",
            "sed -i 's/gpgcheck=1/gpgcheck=0/' /etc/yum.conf && yum install -y x",
            "echo \"sslverify=false\" >> /etc/yum.conf; yum install -y x",
            "echo SSLVERIFY = 0 >> /etc/dnf/dnf.conf",
            "echo sslVerify=No | tee -a /etc/yum.repos.d/x.repo",
            "echo gpg\\check=0 sslverif\"y\"=0 >> repo",
            "echo gpgcheck=1 sslverify=1 gpgcheck_x=0 mygpgcheck=0",
            "echo GPGCHEC\u212A=0 sslverif\u0130=0",
            "apt-get update && apt-get install -y --no-install-recommends curl=7.* && rm -rf /var/lib/apt/lists/*",
            "/usr/bin/APK add --no-cache bash",
            "DEBIAN_FRONTEND=noninteractive sudo Apt-Get install -y x",
            "");

    private static List<String> runsOfEveryRepositoryDockerfile() throws IOException, IacParseException {
        List<String> runs = new ArrayList<>(CRAFTED);
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("src", "test", "resources"))) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> DockerfileNames.isCandidate(p.getFileName().toString())).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(100);
        for (Path file : files) {
            String text = Files.readString(file);
            Dockerfile dockerfile;
            try {
                dockerfile = DockerfileParser.parse(file.toString(), text);
            } catch (IacParseException e) {
                continue;
            }
            for (DockerStage stage : dockerfile.stages()) {
                for (DockerInstruction instruction : stage.instructions()) {
                    runs.add(instruction.expanded());
                    runs.add(instruction.arguments());
                }
            }
        }
        return runs;
    }

    @Test
    void shouldFindWhatTheExpressionsFindOnEveryCommand() throws IOException, IacParseException {
        int commands = 0;
        int gpg = 0;
        int ssl = 0;
        for (String run : runsOfEveryRepositoryDockerfile()) {
            for (Command command : ShellCommands.of(run)) {
                commands++;
                String first = command.words().isEmpty() ? "" : command.words().get(0);
                assertThat(command.program())
                        .isEqualTo(first.substring(first.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT));
                String joined = String.join(" ", command.words());
                boolean gpgOff = GPG_CHECK_OFF.matcher(joined).find();
                boolean sslOff = SSL_VERIFY_OFF.matcher(joined).find();
                gpg += gpgOff ? 1 : 0;
                ssl += sslOff ? 1 : 0;
                assertThat(command.anyWordContainsIgnoreCase("gpgcheck") && gpgOff).as(joined).isEqualTo(gpgOff);
                assertThat(command.anyWordContainsIgnoreCase("sslverify") && sslOff).as(joined).isEqualTo(sslOff);
            }
        }
        assertThat(commands).isGreaterThan(500);
        assertThat(gpg).isGreaterThan(2);
        assertThat(ssl).isGreaterThan(2);
    }

    @Test
    void shouldWorkOutTheProgramFromTheWordsWhateverIsPassed() {
        Command command = new Command(List.of("/usr/sbin/Yum", "install", "x"), "something else");
        assertThat(command.program()).isEqualTo("yum");
        assertThat(command).isEqualTo(new Command(List.of("/usr/sbin/Yum", "install", "x")));
        assertThat(new Command(List.of()).program()).isEmpty();
    }

    @Test
    void shouldReportSecretsInEnvAndArgWithAndWithoutAnEqualsSign() throws IacParseException {
        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", """
                ARG GITHUB_TOKEN
                ARG API_KEY=default
                FROM alpine:3.20
                ENV DB_PASSWORD hunter2-literal
                ENV PATH /usr/local/bin:$PATH
                ENV A=1 SECRET_KEY="s3cr3t" OTHER='x'
                ENV NODE_TLS_REJECT_UNAUTHORIZED 0
                ENV PIP_TRUSTED_HOST=pypi.internal
                ENV CLIENT_SECRET $FROM_BUILD
                """);
        assertThat(hits("docker-secret-in-env", dockerfile)).containsExactly("ENV DB_PASSWORD", "ENV SECRET_KEY");
        assertThat(hits("docker-secret-in-arg", dockerfile)).containsExactly("ARG GITHUB_TOKEN", "ARG API_KEY");
        assertThat(hits("docker-env-disables-tls", dockerfile)).hasSize(2);
    }

    private static List<String> hits(String ruleId, Dockerfile dockerfile) {
        IacRule rule = DockerfileRules.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst().orElseThrow();
        RuleHits hits = new RuleHits();
        rule.check().check(dockerfile, hits);
        return hits.hits().stream().map(RuleHit::attribute).toList();
    }
}
