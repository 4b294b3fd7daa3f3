package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.images.inventory.InstalledPackage;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.packages.AdvisorySeverity;
import io.jenkins.plugins.devsecops.packages.osv.AdvisoryGroups;
import io.jenkins.plugins.devsecops.packages.osv.AffectedVersions;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.version.VersionOrdering;
import io.jenkins.plugins.devsecops.packages.version.VersionOrderings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Turns the advisories that affect one package of an image into findings: only the entries of the image's
 * distribution release count, records of the same vulnerability are merged, and each finding carries the installed
 * and fixed versions, the purl with the distro, the layer and the instruction that added the package. When no
 * release fixes it, the finding says so ("no fix published") instead of guessing.
 */
final class ImageFindings {

    /** The stage id findings carry. */
    static final String STAGE = "images";

    private ImageFindings() {
    }

    /** The findings of {@code candidates} on {@code pkg} in {@code image}. */
    static List<Finding> match(InstalledPackage pkg, ScannedImage image, List<OsvRecord> candidates) {
        Predicate<String> release = pkg.ecosystem().isDistro() && image.release() != null
                && image.release().ecosystem().isPresent() ? image.release().releaseFilter() : osv -> true;
        Map<String, OsvRecord> affecting = new LinkedHashMap<>();
        Map<String, AffectedVersions.Verdict> verdicts = new LinkedHashMap<>();
        for (OsvRecord record : candidates) {
            if (record.withdrawn() != null || affecting.containsKey(record.id())) {
                continue;
            }
            AffectedVersions.Verdict verdict = AffectedVersions.evaluate(record, pkg.ecosystem(), release,
                    pkg.advisoryName(), pkg.advisoryVersion());
            if (verdict.affected()) {
                affecting.put(record.id(), record);
                verdicts.put(record.id(), verdict);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (List<OsvRecord> group : AdvisoryGroups.groupWithUpstream(new ArrayList<>(affecting.values()))) {
            findings.add(finding(pkg, image, group, verdicts));
        }
        return findings;
    }

    private static Finding finding(InstalledPackage pkg, ScannedImage image, List<OsvRecord> group,
            Map<String, AffectedVersions.Verdict> verdicts) {
        Set<String> ids = new LinkedHashSet<>();
        group.forEach(r -> ids.add(r.id()));
        group.forEach(r -> ids.addAll(r.aliases()));
        group.forEach(r -> ids.addAll(r.upstream()));
        String ruleId = AdvisoryGroups.primaryId(ids);
        OsvRecord main = group.stream().filter(r -> r.summary() != null).findFirst().orElse(group.get(0));
        AdvisorySeverity severity = AdvisorySeverity.of(group);
        VersionOrdering ordering = VersionOrderings.of(pkg.ecosystem());
        String fixed = group.stream().map(r -> verdicts.get(r.id()).fixedVersion()).filter(v -> v != null)
                .filter(ordering::isValid).min(ordering::compare).orElse(null);
        String status = group.stream().map(r -> verdicts.get(r.id()).distroStatus()).filter(v -> v != null)
                .findFirst().orElse(null);
        DistroStatus triage = status == null ? null : DistroStatus.of(pkg.ecosystem(), status);
        String summary = main.shortSummary();
        String details = main.details() == null ? "" : main.details();
        if (details.length() > 2000) {
            details = details.substring(0, 2000) + "...";
        }
        String layerDigest = image.layerDigest(pkg.layer());
        String instruction = image.instruction(pkg.layer());
        String where = "layer " + pkg.layer() + (layerDigest == null ? "" : " (" + shortDigest(layerDigest) + ")")
                + (instruction == null ? "" : ", added by: " + instruction)
                + (image.inBaseImage(pkg.layer()) ? "; from the base image" : "");
        String advisoryPackage = pkg.advisoryName().equals(pkg.name()) ? pkg.name()
                : pkg.name() + " (source package " + pkg.advisoryName() + ")";
        Finding.Builder builder = Finding.builder().ruleId(ruleId).stage(STAGE).severity(severity.severity())
                .title(pkg.name() + "@" + pkg.version() + ": " + main.headline())
                .message((details.isBlank() ? summary : details) + "\n\nInstalled: " + advisoryPackage + " "
                        + pkg.version() + " in " + image.image().name() + ", " + where + ".")
                .location(Location.ofFile(ImagePackages.location(pkg, image)))
                .component(ImagePackages.component(pkg, image))
                .identifiers(new ArrayList<>(ids.stream().sorted(AdvisoryGroups.ID_ORDER).toList()))
                .cvss(severity.cvss())
                .fixedVersion(fixed)
                .remediation(fixed != null ? "Upgrade " + pkg.name() + " to " + fixed + " or later"
                        + (image.inBaseImage(pkg.layer()) ? " (rebuild on an updated base image)" : "")
                        : (triage != null && triage.noFixPlanned() ? triage.explanation() + ": remove "
                                : "No fixed version is published for this release yet: remove ") + pkg.name()
                                + " if unused, or suppress with a justification")
                .confidence(Confidence.HIGH)
                .property("severitySource", severity.source())
                .property("fixStatus", fixed != null ? "fixed in " + fixed
                        : "no fix published" + (triage == null ? "" : "; " + triage.label()))
                .fingerprint(FindingFingerprints.sha256(String.join("\u0000", STAGE, ruleId, image.image().name(),
                        pkg.ecosystem().osvName(), pkg.name(), pkg.version(), pkg.path())));
        if (triage != null) {
            builder.property("distroStatus", triage.label());
        }
        group.forEach(r -> r.cwes().forEach(builder::cwe));
        ImagePackages.properties(pkg, image).forEach(builder::property);
        if (!main.references().isEmpty()) {
            builder.property("advisoryUrl", main.references().get(0));
        }
        return builder.build();
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        String hex = colon < 0 ? digest : digest.substring(colon + 1);
        return (colon < 0 ? "" : digest.substring(0, colon + 1)) + hex.substring(0, Math.min(12, hex.length()));
    }
}
