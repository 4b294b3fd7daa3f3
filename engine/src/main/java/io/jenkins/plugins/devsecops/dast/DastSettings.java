package io.jenkins.plugins.devsecops.dast;

import io.jenkins.plugins.devsecops.dast.http.Limits;
import io.jenkins.plugins.devsecops.scan.StageContext;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The DAST stage's options ({@code dast.*}), parsed and checked: a bad value is an error naming the option.
 *
 * @param url the start URL; its origin is the scope
 * @param mode passive or active
 * @param openApi an OpenAPI/Swagger file (relative to the scanned root, or absolute), or {@code null}
 * @param includes RE2 patterns a path must match (none: every path of the origin)
 * @param excludes RE2 patterns no path may match
 * @param limits the limits
 * @param methods the verbs that may be sent
 * @param robots whether robots.txt is obeyed
 * @param avoidLogout whether logout-like paths are refused
 * @param probes whether a few well-known files ({@code /.git/HEAD}, ...) are requested
 * @param requestsLog a file to log every exchange to, redacted, or {@code null}
 * @param proxy {@code host:port} of an HTTP proxy, or {@code null}
 * @param auth how to log in
 */
public record DastSettings(URI url, Mode mode, String openApi, List<String> includes, List<String> excludes,
        Limits limits, Set<String> methods, boolean robots, boolean avoidLogout, boolean probes, String requestsLog,
        String proxy, AuthSettings auth) {

    /** What the scan may send. */
    public enum Mode {
        /** GETs of crawled pages and their assets, no payloads. */
        PASSIVE,
        /** Payloads against the parameters found, with GET and POST (and verbs listed in {@code dast.methods}). */
        ACTIVE
    }

    /** The verbs that change or delete data: sent only when listed in {@code dast.methods}. */
    public static final Set<String> DESTRUCTIVE = Set.of("PUT", "PATCH", "DELETE");

    /** Every option of the stage, without the {@code dast.} prefix. */
    public static final Set<String> OPTIONS = Set.of("url", "mode", "openapi", "include", "exclude", "maxRequests",
            "maxDuration", "requestsPerSecond", "maxDepth", "maxResponseSize", "methods", "robots", "avoidLogout",
            "probes", "requestsLog", "proxy", "auth.type", "auth.loginUrl", "auth.usernameField", "auth.passwordField",
            "auth.username", "auth.password", "auth.loggedInRegex", "auth.token", "auth.cookie");

    /** Reads the options of a stage context. */
    public static DastSettings of(StageContext context) {
        String url = context.option("url").map(String::trim).filter(s -> !s.isEmpty()).orElseThrow(() ->
                new IllegalArgumentException("The dast stage needs a start URL (option dast.url, CLI --dast-url)"));
        URI start = parseUrl(url, "dast.url");
        Mode mode = switch (context.option("mode").orElse("passive").trim().toLowerCase(Locale.ROOT)) {
            case "passive" -> Mode.PASSIVE;
            case "active" -> Mode.ACTIVE;
            default -> throw new IllegalArgumentException("dast.mode must be passive or active: "
                    + context.option("mode").orElse(""));
        };
        Limits defaults = Limits.DEFAULTS;
        Limits limits = new Limits(
                integer(context, "maxRequests", defaults.maxRequests()),
                duration(context, "maxDuration", defaults.maxDuration()),
                context.option("requestsPerSecond").map(v -> number(v, "dast.requestsPerSecond")).orElse(defaults.requestsPerSecond()),
                integer(context, "maxDepth", defaults.maxDepth()),
                integer(context, "maxResponseSize", defaults.maxResponseSize()));
        Set<String> methods = new LinkedHashSet<>(List.of("GET", "HEAD"));
        if (mode == Mode.ACTIVE) {
            methods.add("POST");
        }
        for (String verb : list(context.option("methods").orElse(""), ",")) {
            String upper = verb.toUpperCase(Locale.ROOT);
            if (!upper.matches("[A-Z]{2,10}")) {
                throw new IllegalArgumentException("dast.methods lists HTTP verbs separated by commas: " + verb);
            }
            methods.add(upper);
        }
        return new DastSettings(start, mode, context.option("openapi").map(String::trim).filter(s -> !s.isEmpty()).orElse(null),
                list(context.option("include").orElse(""), "\n"), list(context.option("exclude").orElse(""), "\n"),
                limits, methods, bool(context, "robots", true), bool(context, "avoidLogout", true),
                bool(context, "probes", true), context.option("requestsLog").filter(s -> !s.isBlank()).orElse(null),
                context.option("proxy").filter(s -> !s.isBlank()).orElse(null), AuthSettings.of(context));
    }

    /** Whether the scan logs in. */
    public boolean authenticated() {
        return auth.type() != AuthSettings.Type.NONE;
    }

    static URI parseUrl(String text, String option) {
        try {
            URI uri = new URI(text.trim());
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
                throw new IllegalArgumentException(option + " must be an absolute http or https URL: " + text);
            }
            if (uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException(option + " must not contain credentials (use the dast.auth options)");
            }
            return uri.getRawPath() == null || uri.getRawPath().isEmpty()
                    ? new URI(uri.getScheme(), uri.getRawAuthority(), "/", uri.getRawQuery(), null) : uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(option + " is not a valid URL: " + text, e);
        }
    }

    /** Splits a list option: newline-separated patterns ({@code include}, {@code exclude}) or comma-separated verbs. */
    private static List<String> list(String text, String separator) {
        List<String> values = new ArrayList<>();
        for (String part : text.split(separator.equals("\n") ? "\\R" : separator)) {
            if (!part.isBlank()) {
                values.add(part.trim());
            }
        }
        return values;
    }

    private static int integer(StageContext context, String name, int fallback) {
        Optional<String> value = context.option(name);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.get().trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("dast." + name + " must be a whole number: " + value.get(), e);
        }
    }

    private static double number(String text, String option) {
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a number: " + text, e);
        }
    }

    /** A duration as seconds ({@code 600}), with a unit ({@code 10m}, {@code 90s}, {@code 1h}) or ISO-8601 ({@code PT10M}). */
    static Duration duration(StageContext context, String name, Duration fallback) {
        Optional<String> value = context.option(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        try {
            if (text.startsWith("pt")) {
                return Duration.parse(text.toUpperCase(Locale.ROOT));
            }
            char unit = text.isEmpty() ? 's' : text.charAt(text.length() - 1);
            String digits = Character.isDigit(unit) ? text : text.substring(0, text.length() - 1);
            long amount = Long.parseLong(digits.trim());
            return switch (Character.isDigit(unit) ? 's' : unit) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                default -> throw new NumberFormatException();
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("dast." + name + " must be a duration such as 600, 90s, 10m or 1h: "
                    + value.get(), e);
        }
    }

    private static boolean bool(StageContext context, String name, boolean fallback) {
        Optional<String> value = context.option(name);
        if (value.isEmpty()) {
            return fallback;
        }
        String text = value.get().trim().toLowerCase(Locale.ROOT);
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("dast." + name + " must be true or false: " + value.get());
        }
        return Boolean.parseBoolean(text);
    }
}
