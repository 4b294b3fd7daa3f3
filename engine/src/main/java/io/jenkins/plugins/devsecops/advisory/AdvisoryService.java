package io.jenkins.plugins.devsecops.advisory;

import io.jenkins.plugins.devsecops.scan.ScanRequest;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Advisory look-ups for stages other than the dependency stage, with the advisory source the scan's
 * {@code dependencies.*} options configure (OSV export or OSV API). The dependency stage provides the implementation
 * through {@link ServiceLoader}, so that no stage imports another: a stage asks {@link #find()} and gets it, or
 * nothing when no implementation is on the class path.
 */
public interface AdvisoryService {

    /**
     * The vulnerabilities of the given package versions.
     *
     * @throws IOException when the source cannot be used at all
     * @throws InterruptedException when the scan is stopped
     */
    AdvisoryAnswer lookup(ScanRequest request, List<PackageVersion> packages) throws IOException, InterruptedException;

    /** The implementation on the engine's class path, if any. */
    static Optional<AdvisoryService> find() {
        return ServiceLoader.load(AdvisoryService.class, AdvisoryService.class.getClassLoader()).findFirst();
    }
}
