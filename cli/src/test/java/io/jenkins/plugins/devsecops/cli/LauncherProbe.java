package io.jenkins.plugins.devsecops.cli;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * The main class of the small jar {@link LauncherCachesTest} puts where {@code ./devsecops} expects the CLI: it prints
 * the class path it was started with, its JVM options and its arguments, so that the test sees which jar and which
 * archive the launcher chose. A training run (one that writes an archive) for the stages {@code broken} fails, as a
 * scan that cannot be trained would.
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
        System.out.println("classpath=" + System.getProperty("java.class.path"));
        System.out.println("options=" + String.join(" ", options));
        System.out.println("args=" + String.join(" ", args));
    }
}
