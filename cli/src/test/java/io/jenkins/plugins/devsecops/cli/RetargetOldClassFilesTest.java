package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code cli/launcher/RetargetOldClassFiles.java}, which {@code ./devsecops} runs on JDK 25+ so that picocli's Java 5
 * class files can go into the AOT cache: on the real picocli jar, every class comes out as a Java 7 class file that
 * the type-checking verifier accepts, everything else byte for byte, and the CLI behaves the same on the copy.
 */
class RetargetOldClassFilesTest {

    private static final Path TOOL = Path.of("launcher", "RetargetOldClassFiles.java").toAbsolutePath();

    private static String java(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static int major(byte[] classFile) {
        return (classFile[6] & 0xff) << 8 | (classFile[7] & 0xff);
    }

    @Test
    void shouldRewritePicocliAsVerifiableJava7ClassFilesAndNothingElse(@TempDir Path temp) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the launcher runs the tool on JDK 25 and newer only");
        assertThat(TOOL).exists();
        Path picocli = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path copy = temp.resolve("picocli.jar");

        // When the tool rewrites the picocli jar
        String log = java(List.of(TOOL.toString(), picocli.toString(), copy.toString(), "picocli/"));

        // Then the same entries come out in the same order: the old class files as Java 7, the rest unchanged
        int rewritten = 0;
        try (ZipFile before = new ZipFile(picocli.toFile()); ZipFile after = new ZipFile(copy.toFile())) {
            List<String> names = Collections.list(before.entries()).stream().map(ZipEntry::getName).toList();
            assertThat(Collections.list(after.entries()).stream().map(ZipEntry::getName).toList()).isEqualTo(names);
            for (String name : names) {
                byte[] original = before.getInputStream(before.getEntry(name)).readAllBytes();
                byte[] result = after.getInputStream(after.getEntry(name)).readAllBytes();
                if (name.endsWith(".class") && name.startsWith("picocli/") && major(original) < 50) {
                    assertThat(major(result)).as(name).isEqualTo(51);
                    rewritten++;
                } else {
                    assertThat(result).as(name).isEqualTo(original);
                }
            }
        }
        assertThat(rewritten).as(log).isGreaterThan(100);
        assertThat(log).contains("rewrote " + rewritten + " class files, kept 0");

        // And every rewritten class loads, links and initialises under the type-checking verifier (Java 7 class
        // files get no fall-back to the old one)
        try (URLClassLoader loader = new URLClassLoader(new URL[] {copy.toUri().toURL()},
                ClassLoader.getPlatformClassLoader()); ZipFile after = new ZipFile(copy.toFile())) {
            for (ZipEntry entry : Collections.list(after.entries())) {
                String name = entry.getName();
                if (name.endsWith(".class") && name.startsWith("picocli/") && !name.contains("module-info")) {
                    Class<?> type = Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), true, loader);
                    assertThat(type.getClassLoader()).isSameAs(loader);
                }
            }
        }

        // And the CLI prints the same help and rejects the same bad option with the copy in place of picocli
        String original = System.getProperty("java.class.path");
        String retargeted = original.replace(picocli.toString(), copy.toString());
        assertThat(retargeted).isNotEqualTo(original);
        for (List<String> args : List.of(List.of("scan", "--help"), List.of("--help"), List.of("--version"))) {
            assertThat(run(retargeted, args)).isEqualTo(run(original, args)).isNotBlank();
        }
    }

    private static String run(String classPath, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("-cp", classPath, DevSecOpsCommand.class.getName()));
        command.addAll(args);
        return java(command);
    }
}
