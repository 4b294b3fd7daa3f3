package io.jenkins.plugins.devsecops.packages.osv;

import java.io.IOException;
import java.util.Collection;

/** Where OSV advisories come from: an offline export or the OSV API. */
public interface AdvisorySource {

    /**
     * The advisories that may concern each package version.
     *
     * @throws IOException when the source cannot be used at all
     * @throws InterruptedException when the scan is stopped
     */
    LookupResult lookup(Collection<PackageQuery> queries) throws IOException, InterruptedException;

    /** What the source is and how fresh its data is. */
    SourceInfo info();
}
