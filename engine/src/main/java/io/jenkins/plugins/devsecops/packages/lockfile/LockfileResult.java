package io.jenkins.plugins.devsecops.packages.lockfile;

import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.util.List;

/**
 * What a parser read from one file.
 *
 * @param packages the packages at exact versions, in file order
 * @param warnings things the user should know about this file, e.g. unpinned requirements that cannot be checked
 */
public record LockfileResult(List<LockedPackage> packages, List<String> warnings) {

    public LockfileResult {
        packages = List.copyOf(packages);
        warnings = List.copyOf(warnings);
    }

    public static LockfileResult of(List<LockedPackage> packages) {
        return new LockfileResult(packages, List.of());
    }
}
