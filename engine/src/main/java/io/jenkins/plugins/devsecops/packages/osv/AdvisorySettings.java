package io.jenkins.plugins.devsecops.packages.osv;

import io.jenkins.plugins.devsecops.scan.StageContext;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a stage's advisories come from: the options {@code <stage>.<name>}, read once per scan. A stage that
 * matches packages besides the dependency stage (images) falls back to the {@code dependencies.*} option of the
 * same name, so one OSV source serves both.
 *
 * @param osvDir a directory of OSV records or zip exports, or {@code null}
 * @param osvZip an OSV zip export, or {@code null}
 * @param indexDir where the offline index lives, or {@code null} for the default under the temporary directory
 * @param osvUrl the OSV API base URL, or {@code null}
 * @param api how to talk to the API
 * @param maxAdvisoryAgeDays advisory data whose newest record is older than this is stale
 * @param failOnStale whether stale data is an error rather than a warning
 * @param optionPrefix the prefix of the options, e.g. {@code dependencies.}, for messages
 */
public record AdvisorySettings(Path osvDir, Path osvZip, Path indexDir, URI osvUrl, OsvApiSource.Settings api,
        int maxAdvisoryAgeDays, boolean failOnStale, String optionPrefix) {

    /** The option names every advisory-matching stage accepts. */
    public static final Set<String> OPTIONS = Set.of("osvDir", "osvZip", "indexDir", "osvUrl", "osvToken", "proxy",
            "osvMaxRequests", "osvRetries", "osvBackoffMillis", "osvTimeoutSeconds", "cacheDir", "maxAdvisoryAgeDays",
            "stalePolicy");

    /** The options of {@code context}'s stage. */
    public static AdvisorySettings from(StageContext context) {
        return from(context, null);
    }

    /**
     * The options of {@code context}'s stage, each falling back to {@code <fallbackStage>.<name>} when the stage
     * does not set it ({@code null}: no fallback).
     */
    public static AdvisorySettings from(StageContext context, String fallbackStage) {
        Options options = new Options(context, fallbackStage);
        Path root = context.root();
        OsvApiSource.Settings defaults = OsvApiSource.Settings.defaults();
        Path indexDir = options.get("indexDir").map(p -> resolve(root, p)).orElse(null);
        OsvApiSource.Settings api = new OsvApiSource.Settings(
                options.get("osvToken").filter(t -> !t.isBlank()).orElse(null),
                options.get("proxy").orElse(null),
                options.integer("osvMaxRequests", defaults.maxRequests()),
                options.integer("osvRetries", defaults.maxRetries()),
                Duration.ofMillis(options.integer("osvBackoffMillis", (int) defaults.backoff().toMillis())),
                Duration.ofSeconds(options.integer("osvTimeoutSeconds", (int) defaults.timeout().toSeconds())),
                options.get("cacheDir").map(p -> resolve(root, p)).orElse(indexDir == null ? null
                        : indexDir.resolve("api-cache")));
        return new AdvisorySettings(
                options.get("osvDir").map(p -> resolve(root, p)).orElse(null),
                options.get("osvZip").map(p -> resolve(root, p)).orElse(null),
                indexDir,
                options.get("osvUrl").filter(u -> !u.isBlank()).map(URI::create).orElse(null),
                api,
                options.integer("maxAdvisoryAgeDays", 7),
                options.get("stalePolicy").map(p -> p.strip().toLowerCase(Locale.ROOT).equals("fail")).orElse(false),
                context.stageId() + ".");
    }

    /** Whether any advisory source is configured. */
    public boolean configured() {
        return osvDir != null || osvZip != null || osvUrl != null;
    }

    private record Options(StageContext context, String fallbackStage) {

        Optional<String> get(String name) {
            Optional<String> own = context.option(name);
            return own.isPresent() || fallbackStage == null ? own
                    : context.request().option(fallbackStage + "." + name);
        }

        int integer(String name, int fallback) {
            return get(name).map(value -> {
                try {
                    return Integer.parseInt(value.strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Option " + context.stageId() + "." + name
                            + " must be a number, was '" + value + "'");
                }
            }).orElse(fallback);
        }
    }

    private static Path resolve(Path root, String path) {
        Path given = Path.of(path.strip());
        return given.isAbsolute() ? given : root.resolve(given).normalize();
    }

    @Override
    public String toString() {
        return "AdvisorySettings[osvDir=" + osvDir + ", osvZip=" + osvZip + ", osvUrl=" + osvUrl + ", api=" + api + "]";
    }
}
