package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The watch in a real JVM with the launcher's collector: the probe promotes 640 MiB of medium-lived garbage through a
 * 16 MiB live set. Unwatched, the serial collector grows the old generation with it; watched, the old generation's
 * peak stays near the budget (16 MiB floor, 8 MiB headroom) and the watch asked for full collections.
 */
class OldGenerationWatchTest {

    private static final long MIB = 1L << 20;
    private static final List<String> SERIAL = List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmn8m",
            "-XX:TieredStopAtLevel=1");

    /** Runs the probe making {@code mebibytes} of garbage in a JVM with {@code jvmOptions}; its output. */
    private static String probeOutput(int mebibytes, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(Path.of(OldGenerationWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(OldGenerationWatchProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        command.add(OldGenerationWatchProbe.class.getName());
        command.add(Integer.toString(mebibytes));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The probe's figures (watching as 0 or 1). */
    private static Map<String, Long> probe(String... extraOptions) throws Exception {
        List<String> options = new ArrayList<>(SERIAL);
        options.addAll(List.of(extraOptions));
        String output = probeOutput(640, options);
        Map<String, Long> values = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length == 2) {
                values.put(pair[0], pair[0].equals("watching") ? (Boolean.parseBoolean(pair[1]) ? 1L : 0L)
                        : Long.parseLong(pair[1]));
            }
        }
        assertThat(values).as(output).containsKeys("watching", "peakOld", "requested");
        return values;
    }

    @Test
    void shouldKeepTheOldGenerationNearTheLiveSet() throws Exception {
        // Given the same garbage, watched and with the watch turned off
        Map<String, Long> watched = probe();
        Map<String, Long> unwatched = probe("-D" + OldGenerationWatch.DISABLE_PROPERTY + "=false");

        // Then the watch ran only where it was not turned off, and asked for full collections
        assertThat(watched.get("watching")).isEqualTo(1L);
        assertThat(unwatched.get("watching")).isZero();
        assertThat(watched.get("requested")).isPositive();

        // And the old generation's peak stays near the budget watched, while unwatched it fills with garbage
        assertThat(watched.get("peakOld")).isLessThan(80 * MIB);
        assertThat(unwatched.get("peakOld")).isGreaterThan(192 * MIB);
    }

    @Test
    void shouldNotStartWithAnotherCollector() throws Exception {
        assertThat(probeOutput(16, List.of("-XX:+UseParallelGC"))).contains("watching=false").contains("requested=0");
    }

    @Test
    void shouldNotStartWhereExplicitCollectionsAreDisabled() throws Exception {
        assertThat(probeOutput(16, List.of("-XX:+UseSerialGC", "-XX:+DisableExplicitGC")))
                .contains("watching=false").contains("requested=0");
    }
}
