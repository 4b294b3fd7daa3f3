package io.jenkins.plugins.devsecops.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The main class of the small jar {@link LauncherCachesTest} puts where {@code ./devsecops} expects the CLI: it prints
 * the class path it was started with, its JVM options and its arguments, so that the test sees which jar and which
 * archive the launcher chose. A training run (one that writes an archive) for the stages {@code broken} fails, as a
 * scan that cannot be trained would; one for the stages {@code gate} exits 1, as a scan whose findings fail the quality
 * gate does. A training run writes the files of the directory it scans (its last argument) to the file named by the
 * environment variable {@code PROBE_TRAINING_FILES}, when set.
 */
public final class LauncherProbe {

    private LauncherProbe() {
    }

    public static void main(String[] args) {
        List<String> options = ManagementFactory.getRuntimeMXBean().getInputArguments();
        boolean training = options.stream().anyMatch(option -> option.startsWith("-XX:AOTCacheOutput=")
                || option.startsWith("-XX:ArchiveClassesAtExit="));
        if (training && List.of(args).contains("broken")) {
            System.exit(3);
        }
        String trainingFiles = System.getenv("PROBE_TRAINING_FILES");
        if (training && trainingFiles != null && args.length > 0) {
            Path scanned = Path.of(args[args.length - 1]);
            try (Stream<Path> files = Files.walk(scanned)) {
                Files.write(Path.of(trainingFiles), files.filter(Files::isRegularFile)
                        .map(file -> scanned.relativize(file).toString().replace('\\', '/')).sorted().toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        System.out.println("classpath=" + System.getProperty("java.class.path"));
        System.out.println("options=" + String.join(" ", options));
        System.out.println("args=" + String.join(" ", args));
        if (training && List.of(args).contains("gate")) {
            System.exit(1);
        }
    }
}
