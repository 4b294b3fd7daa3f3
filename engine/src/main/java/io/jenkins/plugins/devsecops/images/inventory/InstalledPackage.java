package io.jenkins.plugins.devsecops.images.inventory;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import java.util.Objects;

/**
 * One package installed in an image.
 *
 * @param ecosystem its ecosystem (a distribution's, or a language's)
 * @param name the (binary) package name
 * @param version the installed version
 * @param sourceName the source package (dpkg {@code Source}, apk origin, rpm source RPM name), or {@code null}
 * @param sourceVersion the source package version where it differs, else {@code null}
 * @param architecture e.g. {@code amd64}, or {@code null}
 * @param path where in the image it was read, e.g. {@code var/lib/dpkg/status}
 * @param layer the index of the layer that added it (0 = base)
 */
public record InstalledPackage(Ecosystem ecosystem, String name, String version, String sourceName,
        String sourceVersion, String architecture, String path, int layer) {

    public InstalledPackage {
        Objects.requireNonNull(ecosystem, "ecosystem");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(path, "path");
    }

    /** This package as found in another layer. */
    public InstalledPackage inLayer(int index) {
        return new InstalledPackage(ecosystem, name, version, sourceName, sourceVersion, architecture, path, index);
    }

    /** The name advisories of its ecosystem key it by: the source package for Debian, Ubuntu and Alpine. */
    public String advisoryName() {
        boolean bySource = ecosystem == Ecosystem.DEBIAN || ecosystem == Ecosystem.UBUNTU
                || ecosystem == Ecosystem.ALPINE || ecosystem == Ecosystem.WOLFI;
        return bySource && sourceName != null && !sourceName.isBlank() ? sourceName : name;
    }

    /** The version advisories compare: the source version where dpkg gives one. */
    public String advisoryVersion() {
        return sourceVersion != null && !sourceVersion.isBlank() && advisoryName().equals(sourceName) ? sourceVersion : version;
    }

    /** Identity across layers: ecosystem, name, version and architecture. */
    public String identity() {
        return ecosystem + "\u0000" + name + "\u0000" + version + "\u0000" + architecture;
    }
}
