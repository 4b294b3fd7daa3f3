package io.jenkins.plugins.devsecops.scan;

/**
 * A snapshot of a running scan.
 *
 * @param phase {@code walk}, {@code scan} or {@code finish}
 * @param filesDone files every stage is done with
 * @param filesTotal files the walk found to scan
 * @param findings findings so far
 */
public record ScanProgress(String phase, long filesDone, long filesTotal, long findings) {
}
