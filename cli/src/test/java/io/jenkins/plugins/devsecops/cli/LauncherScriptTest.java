package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code .ci/jdk.sh}, sourced by {@code ./mvnw} and {@code ./devsecops}: with the JDK running this test selected, it
 * allows sun.misc.Unsafe (silencing Maven's warnings) exactly when that JDK is 24 or newer, and the resulting
 * {@code MAVEN_OPTS} start that JDK; an older JDK gets no option it would refuse.
 */
class LauncherScriptTest {

    private static final Path SCRIPT = Path.of("..", ".ci", "jdk.sh").toAbsolutePath().normalize();

    private static String sh(String script) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    @Test
    void shouldAllowUnsafeOnlyForJdksThatKnowTheOption() throws Exception {
        assertThat(SCRIPT).exists();
        int major = Runtime.version().feature();

        // When the launcher selects the JDK running this test and starts it with the resulting MAVEN_OPTS
        String output = sh(". '" + SCRIPT + "' && select_jdk && echo \"opts=[${MAVEN_OPTS:-}]\" && "
                + "\"$JAVA_HOME/bin/java\" ${MAVEN_OPTS:-} -version");

        // Then the option is there exactly from JDK 24 on, and the JVM starts
        if (major >= 24) {
            assertThat(output).contains("opts=[--sun-misc-unsafe-memory-access=allow]");
        } else {
            assertThat(output).contains("opts=[]");
        }
        assertThat(output).doesNotContain("Unrecognized option");

        // And a JDK 21..23 is never given the option, nor is it added twice
        assertThat(sh(". '" + SCRIPT + "' && quiet_unsafe_warnings 21 && echo \"[${MAVEN_OPTS:-}]\""))
                .contains("[]");
        assertThat(sh(". '" + SCRIPT + "' && MAVEN_OPTS=-Xmx1g && quiet_unsafe_warnings 25 && quiet_unsafe_warnings 25"
                + " && echo \"[$MAVEN_OPTS]\"")).contains("[-Xmx1g --sun-misc-unsafe-memory-access=allow]");
        assertThat(Files.exists(Path.of("..", ".mvn", "jvm.config"))).as("jvm.config is read by every JDK, so the "
                + "option must not be there").isFalse();
    }
}
