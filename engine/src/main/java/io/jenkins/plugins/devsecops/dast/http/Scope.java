package io.jenkins.plugins.devsecops.dast.http;

import com.google.re2j.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the scanner may touch: the start URL's origin, narrowed by include and exclude patterns (RE2, so no pattern
 * can hang the scan, matched against the path with its query), without {@code logout}-like URLs and, unless told
 * otherwise, without what {@code robots.txt} disallows (an include does not override either). {@link #refusal} is the single check every request passes.
 */
public final class Scope {

    /** Paths that end a session: never requested unless the user turns this off. */
    public static final Pattern LOGOUT_LIKE = Pattern.compile(
            "(?i)(log[-_]?out|log[-_]?off|sign[-_]?out|sign[-_]?off|end[-_]?session|disconnect)");

    private final OriginKey origin;
    private final List<Pattern> includes;
    private final List<Pattern> excludes;
    private final boolean avoidLogout;
    private volatile RobotsRules robots = RobotsRules.none();

    /**
     * A scope.
     *
     * @param start the start URL, whose origin is the scope
     * @param includes patterns one of which a path must match, none for every path
     * @param excludes patterns no path may match
     * @param avoidLogout whether logout-like paths are refused
     */
    public Scope(URI start, List<String> includes, List<String> excludes, boolean avoidLogout) {
        this.origin = OriginKey.of(start).orElseThrow(() -> new IllegalArgumentException(
                "The DAST start URL must be an absolute http or https URL: " + start));
        this.includes = compile(includes);
        this.excludes = compile(excludes);
        this.avoidLogout = avoidLogout;
    }

    private static List<Pattern> compile(List<String> patterns) {
        return patterns.stream().map(text -> {
            try {
                return Pattern.compile(text);
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw new IllegalArgumentException("Invalid DAST scope pattern '" + text + "': " + e.getMessage(), e);
            }
        }).toList();
    }

    /** The origin in scope. */
    public OriginKey origin() {
        return origin;
    }

    /** Applies a site's {@code robots.txt}. */
    public void robots(RobotsRules rules) {
        robots = Objects.requireNonNull(rules);
    }

    /** Why the URI must not be requested, or empty when it is in scope. */
    public Optional<String> refusal(URI uri) {
        Optional<OriginKey> key = OriginKey.of(uri);
        if (key.isEmpty()) {
            return Optional.of("not an http(s) URL");
        }
        if (!key.get().equals(origin)) {
            return Optional.of("other origin " + key.get());
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("user info in the URL");
        }
        String path = pathAndQuery(uri);
        for (Pattern exclude : excludes) {
            if (exclude.matcher(path).find()) {
                return Optional.of("excluded by " + exclude.pattern());
            }
        }
        if (!includes.isEmpty() && includes.stream().noneMatch(p -> p.matcher(path).find())) {
            return Optional.of("not included");
        }
        if (avoidLogout && LOGOUT_LIKE.matcher(path).find()) {
            return Optional.of("logout-like");
        }
        if (!robots.allows(path)) {
            return Optional.of("disallowed by robots.txt");
        }
        return Optional.empty();
    }

    /** The raw path (at least {@code /}) and query of a URI. */
    public static String pathAndQuery(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
