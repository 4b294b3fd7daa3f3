package io.jenkins.plugins.devsecops.advisory;

import java.util.List;

/**
 * What an {@link AdvisoryService} found.
 *
 * @param vulnerabilities the vulnerabilities of the packages asked about
 * @param unchecked packages the source could not answer for: never to be read as "not vulnerable"
 * @param source what the advisory source was ({@code osv-offline /path}, {@code osv-api URL}), or {@code none}
 * @param warnings what the user should know (no source configured, stale data, failures)
 */
public record AdvisoryAnswer(List<KnownVulnerability> vulnerabilities, List<PackageVersion> unchecked, String source,
        List<String> warnings) {

    public AdvisoryAnswer {
        vulnerabilities = List.copyOf(vulnerabilities);
        unchecked = List.copyOf(unchecked);
        warnings = List.copyOf(warnings);
    }
}
