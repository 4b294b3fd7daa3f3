package io.jenkins.plugins.devsecops.packages;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.util.Locale;
import java.util.Optional;

/**
 * A package ecosystem: its OSV name, its purl type and how its package names compare.
 */
public enum Ecosystem {
    NPM("npm", "npm"),
    MAVEN("Maven", "maven"),
    PYPI("PyPI", "pypi"),
    GO("Go", "golang"),
    CARGO("crates.io", "cargo"),
    RUBYGEMS("RubyGems", "gem"),
    PACKAGIST("Packagist", "composer"),
    NUGET("NuGet", "nuget"),
    DEBIAN("Debian", "deb", "debian"),
    UBUNTU("Ubuntu", "deb", "ubuntu"),
    ALPINE("Alpine", "apk", "alpine"),
    WOLFI("Wolfi", "apk", "wolfi"),
    RED_HAT("Red Hat", "rpm", "redhat"),
    ROCKY("Rocky Linux", "rpm", "rocky"),
    ALMA("AlmaLinux", "rpm", "almalinux"),
    SUSE("SUSE", "rpm", "suse"),
    OPENSUSE("openSUSE", "rpm", "opensuse");

    private final String osvName;
    private final String purlType;
    private final String distroNamespace;

    Ecosystem(String osvName, String purlType) {
        this(osvName, purlType, null);
    }

    Ecosystem(String osvName, String purlType, String distroNamespace) {
        this.osvName = osvName;
        this.purlType = purlType;
        this.distroNamespace = distroNamespace;
    }

    /**
     * Whether this is a Linux distribution's package ecosystem (OS packages in container images), whose OSV
     * ecosystem names carry a release ({@code Debian:12}, {@code Alpine:v3.20}).
     */
    public boolean isDistro() {
        return distroNamespace != null;
    }

    /** The purl namespace of a distribution ecosystem ({@code debian}, {@code alpine}, ...), else {@code null}. */
    public String distroNamespace() {
        return distroNamespace;
    }

    /** The ecosystem name OSV records use, e.g. {@code crates.io}. */
    public String osvName() {
        return osvName;
    }

    /** The purl type, e.g. {@code cargo}. */
    public String purlType() {
        return purlType;
    }

    /**
     * The ecosystem of an OSV ecosystem name; a suffix after {@code :} (e.g. {@code Debian:11}) is ignored, names
     * compare case-insensitively.
     */
    public static Optional<Ecosystem> fromOsvName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        int colon = name.indexOf(':');
        String base = colon < 0 ? name : name.substring(0, colon);
        for (Ecosystem ecosystem : values()) {
            if (ecosystem.osvName.equalsIgnoreCase(base.trim())) {
                return Optional.of(ecosystem);
            }
        }
        return Optional.empty();
    }

    /**
     * The language ecosystem of a purl type, e.g. {@code pypi}; distribution types ({@code deb}, {@code apk},
     * {@code rpm}) need the distro release to be matched, so they give none.
     */
    public static Optional<Ecosystem> fromPurlType(String type) {
        for (Ecosystem ecosystem : values()) {
            if (!ecosystem.isDistro() && ecosystem.purlType.equalsIgnoreCase(type)) {
                return Optional.of(ecosystem);
            }
        }
        return Optional.empty();
    }

    /**
     * The package name as this ecosystem compares names: PyPI names normalized per PEP 503, NuGet and Packagist
     * names lower-cased, the others as written.
     */
    public String normalizeName(String name) {
        String trimmed = name.trim();
        return switch (this) {
            case PYPI -> trimmed.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
            case NUGET, PACKAGIST -> trimmed.toLowerCase(Locale.ROOT);
            default -> trimmed;
        };
    }

    /**
     * The name to ask the OSV API for: the API compares names exactly, and osv.dev keeps NuGet names as GitHub spells
     * them (the package's own casing, which lockfiles carry), PyPI names PEP 503-normalized; so NuGet names are sent
     * as written, the others normalized.
     */
    public String queryName(String name) {
        return this == NUGET ? name.trim() : normalizeName(name);
    }

    /**
     * The purl of {@code name} at {@code version} ({@code group:artifact} for Maven, {@code @scope/name} for npm,
     * {@code vendor/name} for Packagist, the module path for Go).
     *
     * @throws IllegalArgumentException when no valid purl can be made of them
     */
    public String purl(String name, String version) {
        String namespace = null;
        String simpleName = name;
        switch (this) {
            case MAVEN -> {
                int colon = name.indexOf(':');
                if (colon > 0) {
                    namespace = name.substring(0, colon);
                    simpleName = name.substring(colon + 1);
                }
            }
            case NPM, PACKAGIST, GO -> {
                int slash = name.lastIndexOf('/');
                if (slash > 0) {
                    namespace = name.substring(0, slash);
                    simpleName = name.substring(slash + 1);
                }
            }
            case PYPI -> simpleName = normalizeName(name);
            case DEBIAN, UBUNTU, ALPINE, WOLFI, RED_HAT, ROCKY, ALMA, SUSE, OPENSUSE -> namespace = distroNamespace;
            default -> {
            }
        }
        try {
            return new PackageURL(purlType, namespace, simpleName, version == null || version.isBlank() ? null : version,
                    null, null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("No package URL for " + name + "@" + version + ": " + e.getMessage(), e);
        }
    }
}
