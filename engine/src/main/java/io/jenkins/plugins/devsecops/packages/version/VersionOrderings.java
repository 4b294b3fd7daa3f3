package io.jenkins.plugins.devsecops.packages.version;

import io.jenkins.plugins.devsecops.packages.Ecosystem;

/** The version ordering of each ecosystem, and of OSV {@code SEMVER} ranges. */
public final class VersionOrderings {

    private static final VersionOrdering SEMVER = new SemverOrdering();
    private static final VersionOrdering MAVEN = new MavenOrdering();
    private static final VersionOrdering PEP440 = new Pep440Ordering();
    private static final VersionOrdering RUBYGEMS = new RubyGemsOrdering();
    private static final VersionOrdering NUGET = new NuGetOrdering();
    private static final VersionOrdering PACKAGIST = new PackagistOrdering();
    private static final VersionOrdering DPKG = new DpkgOrdering();
    private static final VersionOrdering APK = new ApkOrdering();
    private static final VersionOrdering RPM = new RpmOrdering();

    private VersionOrderings() {
    }

    /** The ordering OSV {@code SEMVER} ranges use, whatever the ecosystem. */
    public static VersionOrdering semver() {
        return SEMVER;
    }

    /** The ordering of {@code ecosystem}'s versions, used for {@code ECOSYSTEM} ranges and fixed versions. */
    public static VersionOrdering of(Ecosystem ecosystem) {
        return switch (ecosystem) {
            case NPM, CARGO, GO -> SEMVER;
            case MAVEN -> MAVEN;
            case PYPI -> PEP440;
            case RUBYGEMS -> RUBYGEMS;
            case NUGET -> NUGET;
            case PACKAGIST -> PACKAGIST;
            case DEBIAN, UBUNTU -> DPKG;
            case ALPINE, WOLFI -> APK;
            case RED_HAT, ROCKY, ALMA, SUSE, OPENSUSE -> RPM;
        };
    }
}
