package io.jenkins.plugins.devsecops.packages.osv;

import java.time.Instant;

/**
 * Which advisory data a scan used and how fresh it is, recorded as stage properties.
 *
 * @param kind {@code osv-directory}, {@code osv-zip} or {@code osv-api}
 * @param location the directory, file or base URL
 * @param recordCount advisory records available (offline) or fetched (online)
 * @param newestModified the newest {@code modified} time among the records, or {@code null} when unknown
 * @param detail e.g. {@code index reused} or {@code index built in 812 ms}
 */
public record SourceInfo(String kind, String location, long recordCount, Instant newestModified, String detail) {
}
