package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.images.inventory.InstalledPackage;
import io.jenkins.plugins.devsecops.images.inventory.OsRelease;
import io.jenkins.plugins.devsecops.images.source.ResolvedImage;
import java.util.List;

/**
 * One image after its inventory: what it is, its distribution and its packages.
 *
 * @param release its distribution, or {@code null}
 */
record ScannedImage(ResolvedImage image, OsRelease release, List<InstalledPackage> packages) {

    ScannedImage {
        packages = List.copyOf(packages);
    }

    /** The digest of layer {@code index}. */
    String layerDigest(int index) {
        return index < image.layers().size() ? image.layers().get(index).digest() : null;
    }

    /** The Dockerfile instruction of layer {@code index}, or {@code null}. */
    String instruction(int index) {
        List<String> instructions = image.config().instructions();
        return index < instructions.size() ? instructions.get(index) : null;
    }

    /** Whether layer {@code index} belongs to the base image. */
    boolean inBaseImage(int index) {
        return index < image.config().baseLayers();
    }
}
