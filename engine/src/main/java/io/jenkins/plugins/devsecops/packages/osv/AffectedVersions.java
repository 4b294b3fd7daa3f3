package io.jenkins.plugins.devsecops.packages.osv;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.version.VersionOrdering;
import io.jenkins.plugins.devsecops.packages.version.VersionOrderings;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides whether a package version is affected by an OSV record, exactly as the OSV schema defines it: the
 * record's {@code affected} entries for the package's ecosystem and name; a version in an explicit
 * {@code versions} list, or inside a {@code SEMVER} or {@code ECOSYSTEM} range whose sorted events
 * ({@code introduced}, {@code fixed}, {@code last_affected}) leave it affected and which no {@code limit} caps below
 * it. {@code GIT} ranges name commits, not versions: only their {@code versions} list counts.
 */
public final class AffectedVersions {

    /**
     * The verdict on one package version.
     *
     * @param affected whether the version is affected
     * @param fixedVersion the smallest version above it that a range names as fixed, if any
     * @param evaluable {@code false} when the version could not be compared in some range (unknown version
     *     scheme): the verdict then rests on the explicit {@code versions} lists alone
     * @param distroStatus the distribution's triage stated by the first affecting entry that has one (see
     *     {@link OsvRecord.Affected#distroStatus()}), or {@code null}
     */
    public record Verdict(boolean affected, String fixedVersion, boolean evaluable, String distroStatus) {

        /** A verdict without a distribution status. */
        public Verdict(boolean affected, String fixedVersion, boolean evaluable) {
            this(affected, fixedVersion, evaluable, null);
        }
    }

    private AffectedVersions() {
    }

    /** The verdict of {@code record} on {@code name} at {@code version} in {@code ecosystem}. */
    public static Verdict evaluate(OsvRecord record, Ecosystem ecosystem, String name, String version) {
        return evaluate(record, ecosystem, osvEcosystem -> true, name, version);
    }

    /**
     * The verdict of {@code record} on {@code name} at {@code version} in {@code ecosystem}, counting only the
     * {@code affected} entries whose ecosystem as written (e.g. {@code Debian:12}) {@code release} accepts: a
     * distribution's advisories apply to one release each.
     */
    public static Verdict evaluate(OsvRecord record, Ecosystem ecosystem, Predicate<String> release, String name,
            String version) {
        String normalized = ecosystem.normalizeName(name);
        VersionOrdering ordering = VersionOrderings.of(ecosystem);
        boolean affected = false;
        boolean evaluable = true;
        List<String> fixes = new ArrayList<>();
        String status = null;
        for (OsvRecord.Affected entry : record.affected()) {
            if (entry.name() == null || Ecosystem.fromOsvName(entry.ecosystem()).orElse(null) != ecosystem
                    || !ecosystem.normalizeName(entry.name()).equals(normalized) || !release.test(entry.ecosystem())) {
                continue;
            }
            boolean entryAffected = inVersionList(entry.versions(), version, ordering);
            for (OsvRecord.Range range : entry.ranges()) {
                VersionOrdering rangeOrdering;
                if ("SEMVER".equals(range.type())) {
                    rangeOrdering = VersionOrderings.semver();
                } else if ("ECOSYSTEM".equals(range.type())) {
                    rangeOrdering = ordering;
                } else {
                    continue;
                }
                if (!rangeOrdering.isValid(version)) {
                    evaluable = false;
                    continue;
                }
                if (inRange(range, version, rangeOrdering)) {
                    entryAffected = true;
                }
                for (OsvRecord.Event event : range.events()) {
                    if (event.fixed() != null && rangeOrdering.isValid(event.fixed())
                            && rangeOrdering.compare(event.fixed(), version) > 0) {
                        fixes.add(event.fixed());
                    }
                }
            }
            affected |= entryAffected;
            if (entryAffected && status == null && entry.distroStatus() != null && !entry.distroStatus().isBlank()) {
                status = entry.distroStatus().strip();
            }
        }
        String fixed = affected ? smallest(fixes, ordering).orElse(null) : null;
        return new Verdict(affected, fixed, evaluable, affected ? status : null);
    }

    private static boolean inVersionList(List<String> versions, String version, VersionOrdering ordering) {
        for (String listed : versions) {
            if (listed.equals(version)) {
                return true;
            }
        }
        if (!ordering.isValid(version)) {
            return false;
        }
        for (String listed : versions) {
            if (ordering.isValid(listed) && ordering.compare(listed, version) == 0) {
                return true;
            }
        }
        return false;
    }

    /** The OSV schema's evaluation of one range. */
    static boolean inRange(OsvRecord.Range range, String version, VersionOrdering ordering) {
        List<OsvRecord.Event> events = new ArrayList<>();
        List<String> limits = new ArrayList<>();
        for (OsvRecord.Event event : range.events()) {
            if (event.limit() != null) {
                if (!event.limit().equals("*") && ordering.isValid(event.limit())) {
                    limits.add(event.limit());
                }
            } else if ("0".equals(event.introduced()) || ordering.isValid(event.version())) {
                events.add(event);
            }
        }
        events.sort(Comparator.comparing(OsvRecord.Event::version, (a, b) -> {
            boolean aZero = "0".equals(a);
            boolean bZero = "0".equals(b);
            if (aZero || bZero) {
                return aZero == bZero ? 0 : aZero ? -1 : 1;
            }
            return ordering.compare(a, b);
        }));
        boolean affected = false;
        for (OsvRecord.Event event : events) {
            if (event.introduced() != null) {
                if ("0".equals(event.introduced()) || ordering.compare(version, event.introduced()) >= 0) {
                    affected = true;
                }
            } else if (event.fixed() != null) {
                if (ordering.compare(version, event.fixed()) >= 0) {
                    affected = false;
                }
            } else if (event.lastAffected() != null && ordering.compare(version, event.lastAffected()) > 0) {
                affected = false;
            }
        }
        if (affected && !limits.isEmpty()) {
            affected = limits.stream().anyMatch(limit -> ordering.compare(version, limit) < 0);
        }
        return affected;
    }

    private static Optional<String> smallest(List<String> versions, VersionOrdering ordering) {
        return versions.stream().filter(ordering::isValid).min(ordering::compare);
    }
}
