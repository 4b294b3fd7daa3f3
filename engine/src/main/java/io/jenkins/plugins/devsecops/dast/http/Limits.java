package io.jenkins.plugins.devsecops.dast.http;

import java.time.Duration;

/**
 * How far a DAST scan may go. Every limit is reported in the stage summary; reaching one stops the scan with a
 * warning, never silently.
 *
 * @param maxRequests requests sent at most, robots.txt and the login included
 * @param maxDuration how long the scan may run
 * @param requestsPerSecond the highest request rate
 * @param maxDepth how many links away from the start URL the crawl goes
 * @param maxResponseSize bytes read of one response; the rest is not read
 */
public record Limits(int maxRequests, Duration maxDuration, double requestsPerSecond, int maxDepth,
        int maxResponseSize) {

    /** The defaults: 5,000 requests, 15 minutes, 50 requests per second, depth 8, 2 MiB per response. */
    public static final Limits DEFAULTS = new Limits(5000, Duration.ofMinutes(15), 50, 8, 2 * 1024 * 1024);

    public Limits {
        if (maxRequests <= 0 || requestsPerSecond <= 0 || maxDepth < 0 || maxResponseSize <= 0
                || maxDuration == null || maxDuration.isNegative() || maxDuration.isZero()) {
            throw new IllegalArgumentException("DAST limits must be positive: maxRequests=" + maxRequests
                    + ", maxDuration=" + maxDuration + ", requestsPerSecond=" + requestsPerSecond + ", maxDepth="
                    + maxDepth + ", maxResponseSize=" + maxResponseSize);
        }
    }
}
