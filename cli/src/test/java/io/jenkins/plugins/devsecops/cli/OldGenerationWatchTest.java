package io.jenkins.plugins.devsecops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
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

    private static Map<String, Long> probe(String... jvmOptions) throws IOException, InterruptedException,
            URISyntaxException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-XX:+UseSerialGC", "-Xms256m", "-Xmn8m", "-XX:TieredStopAtLevel=1"));
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(Path.of(OldGenerationWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + java.io.File.pathSeparator
                + Path.of(OldGenerationWatchProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
        command.add(OldGenerationWatchProbe.class.getName());
        command.add("640");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        Map<String, Long> values = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] pair = line.strip().split("=", 2);
            if (pair.length == 2 && !pair[0].equals("watching")) {
                values.put(pair[0], Long.parseLong(pair[1]));
            } else if (pair.length == 2) {
                values.put(pair[0], Boolean.parseBoolean(pair[1]) ? 1L : 0L);
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
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-cp",
                Path.of(OldGenerationWatch.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                        + java.io.File.pathSeparator + Path.of(OldGenerationWatchProbe.class.getProtectionDomain()
                        .getCodeSource().getLocation().toURI()),
                OldGenerationWatchProbe.class.getName(), "16");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(output).isTrue();
        assertThat(output).contains("watching=false").contains("requested=0");
    }
}
