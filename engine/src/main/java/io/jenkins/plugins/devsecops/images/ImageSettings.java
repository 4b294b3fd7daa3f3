package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.images.layer.LayerCache;
import io.jenkins.plugins.devsecops.images.layer.LayerLimits;
import io.jenkins.plugins.devsecops.images.source.Platform;
import io.jenkins.plugins.devsecops.images.source.RegistryCredentials;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySettings;
import io.jenkins.plugins.devsecops.scan.StageContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The image stage's options ({@code images.<name>}), read once per scan.
 *
 * @param images the images to scan: archive or layout paths (relative to the scan root) and registry references
 * @param platform the platform to pick from multi-platform images
 * @param cacheDir where layer analyses are cached, or {@code null} for no cache
 * @param credentials registry credentials by host
 * @param insecureRegistries hosts that may be reached over plain http (loopback always may)
 * @param limits caps on each layer
 * @param advisories where advisories come from (falling back to the {@code dependencies.*} options)
 */
public record ImageSettings(List<String> images, Platform platform, Path cacheDir, RegistryCredentials credentials,
        Set<String> insecureRegistries, LayerLimits limits, AdvisorySettings advisories) {

    /** The separator of {@code images.refs}. */
    public static final String SEPARATOR = ";";

    /** The options of the stage. */
    public static final Set<String> OPTIONS;

    static {
        Set<String> options = new LinkedHashSet<>(List.of("refs", "platform", "cacheDir", "cache", "registryAuth",
                "insecureRegistries", "maxLayerBytes"));
        options.addAll(AdvisorySettings.OPTIONS);
        OPTIONS = Set.copyOf(options);
    }

    public ImageSettings {
        images = List.copyOf(images);
        insecureRegistries = Set.copyOf(insecureRegistries);
    }

    /** Reads the options of {@code context}. */
    public static ImageSettings from(StageContext context) {
        List<String> images = parseImages(context.option("refs").orElse(""));
        Platform platform = context.option("platform").filter(p -> !p.isBlank()).map(Platform::parse)
                .orElse(Platform.DEFAULT);
        boolean cache = context.option("cache").map(v -> !v.strip().equalsIgnoreCase("false")).orElse(true);
        Path cacheDir = !cache ? null : context.option("cacheDir").filter(p -> !p.isBlank())
                .map(p -> Path.of(p.strip())).map(p -> p.isAbsolute() ? p : context.root().resolve(p).normalize())
                .orElse(LayerCache.defaultDirectory());
        RegistryCredentials credentials = RegistryCredentials.parse(context.option("registryAuth").orElse(""));
        Set<String> insecure = new LinkedHashSet<>();
        for (String host : context.option("insecureRegistries").orElse("").split("[,;\\s]+")) {
            if (!host.isBlank()) {
                insecure.add(host.strip().toLowerCase(Locale.ROOT));
            }
        }
        LayerLimits defaults = LayerLimits.defaults();
        long maxLayer = context.option("maxLayerBytes").map(v -> {
            try {
                return Long.parseLong(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Option images.maxLayerBytes must be a number, was '" + v + "'");
            }
        }).orElse(defaults.maxUncompressedBytes());
        LayerLimits limits = new LayerLimits(maxLayer, defaults.maxCompressionRatio(), defaults.maxEntries(),
                defaults.maxKeptFileBytes(), defaults.maxKeptBytes());
        return new ImageSettings(images, platform, cacheDir, credentials, insecure, limits,
                AdvisorySettings.from(context, "dependencies"));
    }

    /** The images of an {@code images.refs} value. */
    public static List<String> parseImages(String option) {
        List<String> images = new ArrayList<>();
        for (String image : option.split(SEPARATOR)) {
            if (!image.isBlank()) {
                images.add(image.strip());
            }
        }
        return images;
    }

    /** The {@code images.refs} value of a list of images. */
    public static String toOption(List<String> images) {
        for (String image : images) {
            if (image.contains(SEPARATOR) || image.contains("\n")) {
                throw new IllegalArgumentException("An image name cannot contain ';' or a line break: " + image);
            }
        }
        return String.join(SEPARATOR, images);
    }

    @Override
    public String toString() {
        return "ImageSettings[images=" + images + ", platform=" + platform + ", cacheDir=" + cacheDir + ", credentials="
                + credentials + "]";
    }
}
