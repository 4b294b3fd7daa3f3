package io.jenkins.plugins.devsecops.packages.osv;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The answer of an advisory source.
 *
 * @param advisories candidate advisories per query (they still have to be evaluated against the version)
 * @param unchecked queries the source could not answer (unreachable, out of budget): never to be read as "no
 *     vulnerabilities"
 * @param warnings what went wrong, for the user
 */
public record LookupResult(Map<PackageQuery, List<OsvRecord>> advisories, Set<PackageQuery> unchecked,
        List<String> warnings) {

    public LookupResult {
        advisories = Map.copyOf(advisories);
        unchecked = Set.copyOf(unchecked);
        warnings = List.copyOf(warnings);
    }
}
