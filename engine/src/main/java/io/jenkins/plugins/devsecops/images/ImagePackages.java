package io.jenkins.plugins.devsecops.images;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import io.jenkins.plugins.devsecops.images.inventory.InstalledPackage;
import io.jenkins.plugins.devsecops.model.Component;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How an image's packages appear in reports: purls with the distro, and the layer they came from. */
final class ImagePackages {

    private ImagePackages() {
    }

    /**
     * The purl of {@code pkg}: {@code pkg:deb/debian/openssl@3.0.15-1~deb12u1?arch=amd64&distro=debian-12} for
     * distribution packages, the ecosystem's purl for language packages; {@code null} when none can be made.
     */
    static String purl(InstalledPackage pkg, ScannedImage image) {
        try {
            if (!pkg.ecosystem().isDistro()) {
                return pkg.ecosystem().purl(pkg.name(), pkg.version());
            }
            TreeMap<String, String> qualifiers = new TreeMap<>();
            if (pkg.architecture() != null && !pkg.architecture().isBlank()) {
                qualifiers.put("arch", pkg.architecture());
            }
            if (image.release() != null) {
                qualifiers.put("distro", image.release().purlDistro());
            }
            if (pkg.sourceName() != null && !pkg.sourceName().equals(pkg.name())) {
                qualifiers.put("upstream", pkg.sourceName());
            }
            String version = pkg.version();
            int colon = version.indexOf(':');
            if (pkg.ecosystem().purlType().equals("rpm") && colon > 0) {
                // the purl spec puts an rpm epoch in a qualifier
                qualifiers.put("epoch", version.substring(0, colon));
                version = version.substring(colon + 1);
            }
            return new PackageURL(pkg.ecosystem().purlType(), namespace(pkg, image), pkg.name(), version, qualifiers,
                    null).canonicalize();
        } catch (MalformedPackageURLException | IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The purl namespace of a distribution package: its ecosystem's ({@code debian}, {@code rocky}), or, for a
     * distribution we do not match (CentOS, Amazon Linux, Fedora, Oracle Linux...), its os-release {@code ID}
     * ({@code centos}, {@code amzn}), as the purl spec asks for the vendor, rather than the reader's default.
     */
    private static String namespace(InstalledPackage pkg, ScannedImage image) {
        if (image.release() != null && image.release().ecosystem().isEmpty()
                && image.release().id().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
            return image.release().id();
        }
        return pkg.ecosystem().distroNamespace();
    }

    /** The facts a component and a finding carry about where in the image the package is. */
    static Map<String, String> properties(InstalledPackage pkg, ScannedImage image) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("image", image.image().name());
        if (image.image().digest() != null) {
            properties.put("imageDigest", image.image().digest());
        }
        String layer = image.layerDigest(pkg.layer());
        if (layer != null) {
            properties.put("layer", layer);
        }
        properties.put("layerIndex", String.valueOf(pkg.layer()));
        String instruction = image.instruction(pkg.layer());
        if (instruction != null) {
            properties.put("layerInstruction", instruction);
        }
        properties.put("baseImage", String.valueOf(image.inBaseImage(pkg.layer())));
        if (image.release() != null && pkg.ecosystem().isDistro()) {
            properties.put("distro", image.release().purlDistro());
        }
        if (pkg.sourceName() != null && !pkg.sourceName().equals(pkg.name())) {
            properties.put("sourcePackage", pkg.sourceName());
        }
        return properties;
    }

    /** The path findings and components name: the image, then the file inside it. */
    static String location(InstalledPackage pkg, ScannedImage image) {
        return image.image().name() + "!/" + pkg.path();
    }

    static Component component(InstalledPackage pkg, ScannedImage image) {
        return new Component(purl(pkg, image), pkg.name(), pkg.version(), ecosystemName(pkg, image), null, List.of(),
                Map.of(), List.of(), null, location(pkg, image), properties(pkg, image));
    }

    /** The OSV ecosystem with the release for distribution packages, e.g. {@code Debian:12}. */
    static String ecosystemName(InstalledPackage pkg, ScannedImage image) {
        if (pkg.ecosystem().isDistro() && image.release() != null && image.release().ecosystem().isPresent()) {
            return image.release().queryEcosystem();
        }
        return pkg.ecosystem().osvName();
    }
}
