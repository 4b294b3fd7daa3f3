package io.jenkins.plugins.devsecops.packages.osv;

import io.jenkins.plugins.devsecops.scan.FindingSink;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Opens the advisory source a stage's {@link AdvisorySettings} name and records what it is in the stage's
 * properties; a missing, unusable or stale source is always said, never a silent "no vulnerabilities".
 */
public final class AdvisorySources {

    private AdvisorySources() {
    }

    /**
     * The configured source, or {@code null} after reporting why there is none (a warning when none is
     * configured, an error when it is unusable).
     */
    public static AdvisorySource open(AdvisorySettings settings, FindingSink sink) {
        String prefix = settings.optionPrefix();
        Path offline = settings.osvZip() != null ? settings.osvZip() : settings.osvDir();
        if (offline != null) {
            Path indexDir = settings.indexDir() != null ? settings.indexDir() : OfflineOsvIndex.defaultIndexDir(offline);
            try {
                return OfflineOsvIndex.open(offline, indexDir);
            } catch (IOException | RuntimeException e) {
                sink.error(null, "Offline OSV source unusable: " + e.getMessage()
                        + "; packages were NOT checked for vulnerabilities");
                return null;
            }
        }
        if (settings.osvUrl() != null) {
            try {
                return new OsvApiSource(settings.osvUrl(), settings.api());
            } catch (IllegalArgumentException e) {
                sink.error(null, "OSV API settings unusable: " + e.getMessage());
                return null;
            }
        }
        sink.warning("No advisory source configured (" + prefix + "osvDir, " + prefix + "osvZip or " + prefix
                + "osvUrl): packages were inventoried but NOT checked for vulnerabilities");
        sink.property("source", "none");
        return null;
    }

    /** Records the source's kind, location and freshness; stale data is a warning, or an error when so set. */
    public static void record(SourceInfo info, AdvisorySettings settings, FindingSink sink) {
        sink.property("source", info.kind());
        sink.property("sourceLocation", info.location());
        sink.property("sourceDetail", info.detail());
        sink.property("advisoryRecords", String.valueOf(info.recordCount()));
        if (info.newestModified() != null) {
            sink.property("advisoriesNewest", info.newestModified().toString());
            long ageDays = Duration.between(info.newestModified(), Instant.now()).toDays();
            sink.property("advisoryAgeDays", String.valueOf(ageDays));
            if (ageDays > settings.maxAdvisoryAgeDays() && !info.kind().equals("osv-api")) {
                String message = "Advisory data is stale: its newest record is " + ageDays + " days old (limit "
                        + settings.maxAdvisoryAgeDays() + ", " + settings.optionPrefix() + "maxAdvisoryAgeDays); refresh "
                        + info.location();
                if (settings.failOnStale()) {
                    sink.error(null, message);
                } else {
                    sink.warning(message);
                }
            }
        } else if (!info.kind().equals("osv-api")) {
            sink.warning("Advisory data has no modification dates: its freshness is unknown");
        }
    }
}
