package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./devsecops}, the launcher, with a small probe jar in place of the CLI: it makes the class-data archive (an
 * AOT cache on JDK 25 and newer, an AppCDS archive before) on first use and uses it from then on, gives a scan that
 * names its stages and formats an archive of its own, trains again when the jar is newer than an archive, gives
 * {@code --version} and {@code --help} an archive of their own on JDK 25 and newer (none before), and falls back to the full archive when a profile cannot be trained. On JDK 25 it
 * runs a copy of the jar made for that JDK.
 */
class LauncherCachesTest {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final boolean AOT = Runtime.version().feature() >= 25;
    private static final String SUFFIX = AOT ? ".aot" : ".jsa";
    private static final String USE = AOT ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=";

    /** The output of one launcher run, stdout and stderr together. */
    private record Run(String output) {

        String line(String key) {
            return output.lines().filter(line -> line.startsWith(key + "=")).findFirst()
                    .map(line -> line.substring(key.length() + 1)).orElseThrow(() -> new AssertionError(output));
        }

        boolean trained() {
            return output.contains("Preparing the class-data archive");
        }
    }

    private static Run launch(Path home, String... args) throws IOException, InterruptedException {
        return launch(home, Map.of(), args);
    }

    private static Run launch(Path home, Map<String, String> environment, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("devsecops").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("DEVSECOPS_JAVA_OPTS");
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return new Run(output);
    }

    /** The launcher, its helpers and a probe jar where the CLI's jar would be; nothing to build. */
    private static Path install(Path home) throws IOException {
        Files.createDirectories(home.resolve(".ci"));
        Files.createDirectories(home.resolve("cli/launcher"));
        Files.createDirectories(home.resolve("cli/target"));
        for (String file : List.of("devsecops", ".ci/jdk.sh", "cli/launcher/RetargetOldClassFiles.java")) {
            Files.copy(REPOSITORY.resolve(file), home.resolve(file));
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, LauncherProbe.class.getName());
        String entry = LauncherProbe.class.getName().replace('.', '/') + ".class";
        Path jar = home.resolve("cli/target/devsecops.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                InputStream probe = LauncherProbe.class.getResourceAsStream("/" + entry)) {
            out.putNextEntry(new JarEntry(entry));
            probe.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }

    @Test
    void shouldTrainEachArchiveOnceUseItAndTrainAgainForANewerJar(@TempDir Path home) throws Exception {
        Path jar = install(home);
        String jdk = Path.of(System.getProperty("java.home")).getFileName().toString();
        Path target = home.resolve("cli/target");
        Path full = target.resolve("devsecops-" + jdk + SUFFIX);
        Path secretsJson = target.resolve("devsecops-" + jdk + "-secrets-json" + SUFFIX);
        Path runJar = AOT ? target.resolve("devsecops-" + jdk + ".jar") : jar;

        // When the version is asked for: on JDK 25+ an AOT cache of its own is trained on that command and used, in
        // either spelling, from then on (on older JDKs none); the full archive is not made
        Path versionArchive = target.resolve("devsecops-" + jdk + "-version" + SUFFIX);
        Run version = launch(home, "--version");
        assertThat(version.line("args")).isEqualTo("--version");
        assertThat(full).doesNotExist();
        if (AOT) {
            assertThat(version.trained()).isTrue();
            assertThat(versionArchive).isNotEmptyFile();
            assertThat(version.line("options")).contains(USE + versionArchive);
            Run shortVersion = launch(home, "-V");
            assertThat(shortVersion.trained()).isFalse();
            assertThat(shortVersion.line("args")).isEqualTo("-V");
            assertThat(shortVersion.line("options")).contains(USE + versionArchive);
        } else {
            assertThat(version.line("options")).doesNotContain(USE);
            assertThat(versionArchive).doesNotExist();
        }

        // When a scan runs the first time: the full archive is trained and used, on the jar made for this JDK
        Run first = launch(home, "scan", "src");
        assertThat(first.trained()).isTrue();
        assertThat(full).isNotEmptyFile();
        assertThat(first.line("options")).contains(USE + full).contains("-XX:+UseSerialGC");
        assertThat(first.line("classpath")).isEqualTo(runJar.toString());
        assertThat(first.line("args")).isEqualTo("scan src");

        // And the second time it is used as it is
        FileTime trainedAt = Files.getLastModifiedTime(full);
        Run second = launch(home, "scan", "--stages", "secrets,iac", "src");
        assertThat(second.trained()).isFalse();
        assertThat(second.line("options")).contains(USE + full);
        assertThat(Files.getLastModifiedTime(full)).isEqualTo(trainedAt);

        // When a scan names its stages and formats: an archive of its own, in either spelling of the options
        Run profiled = launch(home, "scan", "--stages", "secrets", "-f", "json", "src");
        assertThat(profiled.trained()).isTrue();
        assertThat(secretsJson).isNotEmptyFile();
        assertThat(profiled.line("options")).contains(USE + secretsJson).doesNotContain(USE + full);
        Run again = launch(home, "scan", "--stages=secrets", "--format=json", "src");
        assertThat(again.trained()).isFalse();
        assertThat(again.line("options")).contains(USE + secretsJson);

        // When the jar is rebuilt: the copy for this JDK is made again and the archive retrained
        Files.setLastModifiedTime(jar, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
        Run rebuilt = launch(home, "scan", "src");
        assertThat(rebuilt.trained()).isTrue();
        assertThat(rebuilt.line("options")).contains(USE + full);
        assertThat(Files.getLastModifiedTime(full)).isNotEqualTo(trainedAt);
        if (AOT) {
            assertThat(Files.getLastModifiedTime(runJar).toMillis())
                    .isGreaterThanOrEqualTo(Files.getLastModifiedTime(jar).toMillis() - 60_000);
            assertThat(rebuilt.output()).contains("Preparing the jar for this JDK");
        }
    }

    @Test
    void shouldFallBackToTheFullArchiveWhenAProfileCannotBeTrained(@TempDir Path home) throws Exception {
        install(home);
        String jdk = Path.of(System.getProperty("java.home")).getFileName().toString();
        Path target = home.resolve("cli/target");
        Path full = target.resolve("devsecops-" + jdk + SUFFIX);
        Path broken = target.resolve("devsecops-" + jdk + "-broken-json" + SUFFIX);

        // When the training of a profile fails
        Run first = launch(home, "scan", "--stages", "broken", "-f", "json", "src");

        // Then the profile is marked by an empty file, the full archive serves the scan, and the scan itself runs
        assertThat(broken).exists().isEmptyFile();
        assertThat(full).isNotEmptyFile();
        assertThat(first.line("options")).contains(USE + full);
        assertThat(first.line("args")).isEqualTo("scan --stages broken -f json src");

        // And the failed profile is not trained again on the next run
        Run second = launch(home, "scan", "--stages", "broken", "-f", "json", "src");
        assertThat(second.trained()).isFalse();
        assertThat(second.line("options")).contains(USE + full);
    }

    @Test
    void shouldRunTheHelpWithoutAnArchiveWhenItsOwnCannotBeTrained(@TempDir Path home) throws Exception {
        install(home);
        String jdk = Path.of(System.getProperty("java.home")).getFileName().toString();
        Path target = home.resolve("cli/target");
        Path help = target.resolve("devsecops-" + jdk + "-help" + SUFFIX);
        // An empty archive is what a failed training leaves
        Files.createFile(help);
        Files.setLastModifiedTime(help, FileTime.fromMillis(System.currentTimeMillis() + 60_000));

        // When the help is asked for
        Run run = launch(home, "--help");

        // Then it runs without an archive, trains none and makes no full archive
        assertThat(run.trained()).isFalse();
        assertThat(run.line("args")).isEqualTo("--help");
        assertThat(run.line("options")).doesNotContain(USE);
        assertThat(help).isEmptyFile();
        assertThat(target.resolve("devsecops-" + jdk + SUFFIX)).doesNotExist();
    }

    @Test
    void shouldUseTheFullArchiveForOptionsThatAreNotAPlainProfile(@TempDir Path home) throws Exception {
        install(home);
        String jdk = Path.of(System.getProperty("java.home")).getFileName().toString();
        Path target = home.resolve("cli/target");

        // When the stages are named but not the formats, or a value does not look like a list of names
        Run stagesOnly = launch(home, "scan", "--stages", "secrets", "src");
        Run odd = launch(home, "scan", "--stages", "../x", "-f", "json", "src");

        // Then both use the full archive and no other archive is made
        assertThat(stagesOnly.line("options")).contains(USE + target.resolve("devsecops-" + jdk + SUFFIX));
        assertThat(odd.line("options")).contains(USE + target.resolve("devsecops-" + jdk + SUFFIX));
        try (var files = Files.list(target)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(SUFFIX)))
                    .containsExactly("devsecops-" + jdk + SUFFIX);
        }
    }

    @Test
    void shouldKeepTheArchiveOfATrainingScanWhoseFindingsFailTheGate(@TempDir Path home) throws Exception {
        install(home);
        String jdk = Path.of(System.getProperty("java.home")).getFileName().toString();
        Path gate = home.resolve("cli/target/devsecops-" + jdk + "-gate-json" + SUFFIX);

        // When the training scan exits 1, as a scan whose findings fail the quality gate does
        Run first = launch(home, "scan", "--stages", "gate", "-f", "json", "src");

        // Then its archive is kept and used, and not trained again
        assertThat(first.trained()).isTrue();
        assertThat(gate).isNotEmptyFile();
        assertThat(first.line("options")).contains(USE + gate);
        Run second = launch(home, "scan", "--stages", "gate", "-f", "json", "src");
        assertThat(second.trained()).isFalse();
        assertThat(second.line("options")).contains(USE + gate);
    }

    @Test
    void shouldTrainOnTheIacRuleExamplesWhenTheTrainingRunsTheIacStage(@TempDir Path home) throws Exception {
        install(home);
        Path examples = home.resolve("engine/src/test/resources/iac/rules");
        Files.createDirectories(examples.resolve("k8s-privileged-container"));
        Files.writeString(examples.resolve("k8s-privileged-container/bad.yaml"), "apiVersion: v1\nkind: Pod\n");
        Files.createDirectories(examples.resolve("docker-user-root"));
        Files.writeString(examples.resolve("docker-user-root/bad.Dockerfile"), "FROM debian:12\nUSER root\n");
        Path listed = home.resolve("training-files.txt");
        Map<String, String> environment = Map.of("PROBE_TRAINING_FILES", listed.toString());

        // When the full archive and an IaC profile are trained
        launch(home, environment, "scan", "src");
        List<String> full = Files.readAllLines(listed);
        launch(home, environment, "scan", "--stages", "secrets,iac", "-f", "json", "src");
        List<String> iacProfile = Files.readAllLines(listed);

        // Then their training trees hold the rule examples and the multi-file IaC shapes beside the launcher's own
        // files
        assertThat(full).contains("iac-rules/k8s-privileged-container/bad.yaml",
                "iac-rules/docker-user-root/bad.Dockerfile", "iac/main.tf", "iac/modules/net/main.tf",
                "iac/stack.tf.json", "iac/template.json", "iac/k8s/kustomization.yaml", "iac/chart/Chart.yaml",
                "iac/chart/templates/pod.yaml", "Dockerfile", "main.tf", "pod.yaml");
        assertThat(iacProfile).contains("iac-rules/k8s-privileged-container/bad.yaml", "iac/k8s/patch.yaml");

        // And a profile without the IaC stage is trained without them
        launch(home, environment, "scan", "--stages", "secrets", "-f", "json", "src");
        assertThat(Files.readAllLines(listed)).contains("Dockerfile", "notes.md")
                .noneMatch(file -> file.startsWith("iac-rules/") || file.startsWith("iac/"));
    }
}
