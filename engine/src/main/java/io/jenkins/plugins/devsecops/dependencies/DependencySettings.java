package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.packages.osv.OsvApiSource;
import io.jenkins.plugins.devsecops.scan.StageContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * The stage options ({@code dependencies.<name>}), read once per scan.
 *
 * @param osvDir a directory of OSV records or zip exports, or {@code null}
 * @param osvZip an OSV zip export, or {@code null}
 * @param indexDir where the offline index lives, or {@code null} for the default under the temporary directory
 * @param osvUrl the OSV API base URL, or {@code null}
 * @param api how to talk to the API
 * @param maxAdvisoryAgeDays advisory data whose newest record is older than this is stale
 * @param failOnStale whether stale data is an error rather than a warning
 */
public record DependencySettings(Path osvDir, Path osvZip, Path indexDir, URI osvUrl, OsvApiSource.Settings api,
        int maxAdvisoryAgeDays, boolean failOnStale) {

    /** The options of {@code context}. */
    public static DependencySettings from(StageContext context) {
        Path root = context.root();
        OsvApiSource.Settings defaults = OsvApiSource.Settings.defaults();
        Path indexDir = context.option("indexDir").map(p -> resolve(root, p)).orElse(null);
        OsvApiSource.Settings api = new OsvApiSource.Settings(
                context.option("osvToken").filter(t -> !t.isBlank()).orElse(null),
                context.option("proxy").orElse(null),
                intOption(context, "osvMaxRequests", defaults.maxRequests()),
                intOption(context, "osvRetries", defaults.maxRetries()),
                Duration.ofMillis(intOption(context, "osvBackoffMillis", (int) defaults.backoff().toMillis())),
                Duration.ofSeconds(intOption(context, "osvTimeoutSeconds", (int) defaults.timeout().toSeconds())),
                context.option("cacheDir").map(p -> resolve(root, p)).orElse(indexDir == null ? null
                        : indexDir.resolve("api-cache")));
        return new DependencySettings(
                context.option("osvDir").map(p -> resolve(root, p)).orElse(null),
                context.option("osvZip").map(p -> resolve(root, p)).orElse(null),
                indexDir,
                context.option("osvUrl").filter(u -> !u.isBlank()).map(URI::create).orElse(null),
                api,
                intOption(context, "maxAdvisoryAgeDays", 7),
                context.option("stalePolicy").map(p -> p.strip().toLowerCase(Locale.ROOT).equals("fail")).orElse(false));
    }

    private static Path resolve(Path root, String path) {
        Path given = Path.of(path.strip());
        return given.isAbsolute() ? given : root.resolve(given).normalize();
    }

    private static int intOption(StageContext context, String name, int fallback) {
        return context.option(name).map(value -> {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option dependencies." + name + " must be a number, was '" + value + "'");
            }
        }).orElse(fallback);
    }

    @Override
    public String toString() {
        return "DependencySettings[osvDir=" + osvDir + ", osvZip=" + osvZip + ", osvUrl=" + osvUrl + ", api=" + api + "]";
    }
}
