package io.jenkins.plugins.devsecops.images;

import io.jenkins.plugins.devsecops.images.inventory.ImageProbes;
import io.jenkins.plugins.devsecops.images.inventory.ImageFiles;
import io.jenkins.plugins.devsecops.images.inventory.InstalledPackage;
import io.jenkins.plugins.devsecops.images.inventory.LanguageInventory;
import io.jenkins.plugins.devsecops.images.inventory.OsInventory;
import io.jenkins.plugins.devsecops.images.layer.LayerCache;
import io.jenkins.plugins.devsecops.images.layer.LayerContents;
import io.jenkins.plugins.devsecops.images.layer.LayerReader;
import io.jenkins.plugins.devsecops.images.source.ArchiveImageSource;
import io.jenkins.plugins.devsecops.images.source.ImageReference;
import io.jenkins.plugins.devsecops.images.source.ImageSource;
import io.jenkins.plugins.devsecops.images.source.LayerRef;
import io.jenkins.plugins.devsecops.images.source.RegistryImageSource;
import io.jenkins.plugins.devsecops.images.source.ResolvedImage;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.packages.PackageKey;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySource;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySources;
import io.jenkins.plugins.devsecops.packages.osv.LookupResult;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.PackageQuery;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One scan of the image stage: every image named in the options is opened (archive, layout or registry), its
 * layers read as streams (or taken from the layer cache), merged, inventoried; then all packages of all images are
 * matched against the advisory source in one lookup. The walk of the scanned tree is not used: images in the
 * workspace are scanned only when named.
 */
final class ImageScanner implements StageScanner {

    private final Path root;
    private final ImageSettings settings;

    ImageScanner(Path root, ImageSettings settings) {
        this.root = root;
        this.settings = settings;
    }

    @Override
    public boolean accepts(SourceFile file) {
        return false;
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        sink.property("images", String.valueOf(settings.images().size()));
        if (settings.images().isEmpty()) {
            return;
        }
        List<ScannedImage> scanned = new ArrayList<>();
        Path temp = Files.createTempDirectory("devsecops-images");
        try {
            for (String name : settings.images()) {
                try {
                    ScannedImage image = scan(name, temp, sink);
                    if (image != null) {
                        scanned.add(image);
                    }
                } catch (IOException | RuntimeException e) {
                    sink.error(name, "image could not be read: " + (e instanceof IOException ? e.getMessage()
                            : ParserErrors.describe(e)));
                }
            }
        } finally {
            try (Stream<Path> files = Files.list(temp)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(temp);
        }
        int packages = scanned.stream().mapToInt(i -> i.packages().size()).sum();
        sink.property("packages", String.valueOf(packages));
        for (ScannedImage image : scanned) {
            for (InstalledPackage pkg : image.packages()) {
                Component component = ImagePackages.component(pkg, image);
                if (component.purl() != null) {
                    sink.component(component);
                }
            }
        }
        if (packages > 0) {
            match(scanned, sink);
        }
    }

    private ScannedImage scan(String name, Path temp, FindingSink sink) throws IOException, InterruptedException {
        long start = System.nanoTime();
        try (ImageSource source = open(name, temp)) {
            ResolvedImage image = source.resolve(settings.platform());
            LayerCache cache = settings.cacheDir() == null ? null : new LayerCache(settings.cacheDir());
            LayerReader reader = new LayerReader(settings.limits(), ImageFiles::wanted, new ImageProbes());
            ImageFiles files = new ImageFiles();
            int cached = 0;
            long bytes = 0;
            for (int i = 0; i < image.layers().size(); i++) {
                if (Thread.interrupted()) {
                    throw new InterruptedException("image scan stopped");
                }
                LayerRef layer = image.layers().get(i);
                boolean verifiable = layer.digestOf() != LayerReader.DigestOf.NONE;
                LayerContents contents = cache != null && verifiable ? cache.load(layer.digest()).orElse(null) : null;
                if (contents != null) {
                    cached++;
                } else {
                    try (InputStream in = source.openLayer(layer)) {
                        contents = reader.read(in, layer.digest(), layer.digestOf());
                    } catch (IOException e) {
                        contents = new LayerContents(layer.digest(), List.of(), java.util.Set.of(), java.util.Set.of(),
                                List.of("layer could not be opened: " + e.getMessage()), 0);
                    }
                    bytes += contents.uncompressedBytes();
                    if (cache != null && verifiable && contents.errors().isEmpty()) {
                        try {
                            cache.store(contents);
                        } catch (IOException e) {
                            sink.warning("Layer cache " + settings.cacheDir() + " not writable: " + e.getMessage());
                        }
                    }
                }
                for (String error : contents.errors()) {
                    sink.error(name, "layer " + i + " (" + layer.digest() + "): " + error);
                }
                files.add(contents);
            }
            OsInventory.Result os = OsInventory.read(files);
            os.warnings().forEach(w -> sink.warning(name + ": " + w));
            LanguageInventory.Result languages = LanguageInventory.read(files.merged(), os.ownedFiles());
            languages.warnings().forEach(w -> sink.warning(name + ": " + w));
            List<InstalledPackage> packages = new ArrayList<>(os.packages());
            packages.addAll(languages.packages());
            String distro = os.release() == null ? "unknown" : os.release().prettyName().isBlank()
                    ? os.release().id() + " " + os.release().versionId() : os.release().prettyName();
            sink.property("image." + name, distro + ", " + image.layers().size() + " layers (" + cached + " cached, "
                    + bytes + " bytes read), " + os.packages().size() + " OS packages, " + languages.packages().size()
                    + " language packages, " + image.config().baseLayers() + " base-image layers, "
                    + (System.nanoTime() - start) / 1_000_000 + " ms");
            return new ScannedImage(image, os.release(), packages);
        }
    }

    private ImageSource open(String name, Path temp) throws IOException {
        Path given = Path.of(name);
        Path path = given.isAbsolute() ? given : root.resolve(given).normalize();
        if (Files.exists(path)) {
            return ArchiveImageSource.open(name, path, temp);
        }
        ImageReference reference;
        try {
            reference = ImageReference.parse(name);
        } catch (IllegalArgumentException e) {
            throw new IOException("no such image file and not an image reference (" + e.getMessage() + ")");
        }
        return new RegistryImageSource(name, reference, settings.credentials(), settings.insecureRegistries());
    }

    private void match(List<ScannedImage> images, FindingSink sink) throws InterruptedException {
        AdvisorySource source = AdvisorySources.open(settings.advisories(), sink);
        if (source == null) {
            return;
        }
        record Item(ScannedImage image, InstalledPackage pkg) {
        }
        Map<PackageQuery, List<Item>> byQuery = new LinkedHashMap<>();
        int unmatchable = 0;
        for (ScannedImage image : images) {
            for (InstalledPackage pkg : image.packages()) {
                String ecosystem;
                if (pkg.ecosystem().isDistro()) {
                    if (image.release() == null || image.release().ecosystem().isEmpty()) {
                        unmatchable++;
                        continue;
                    }
                    ecosystem = image.release().queryEcosystem();
                } else {
                    ecosystem = pkg.ecosystem().osvName();
                }
                PackageKey key = PackageKey.of(pkg.ecosystem(), pkg.advisoryName());
                byQuery.computeIfAbsent(new PackageQuery(key, pkg.advisoryVersion(),
                        pkg.ecosystem().queryName(pkg.advisoryName()), ecosystem), k -> new ArrayList<>())
                        .add(new Item(image, pkg));
            }
        }
        LookupResult result;
        try {
            result = source.lookup(byQuery.keySet());
        } catch (IOException e) {
            sink.error(null, "Advisory source " + source.info().location() + " failed: " + e.getMessage()
                    + "; image packages were NOT checked for vulnerabilities");
            return;
        }
        AdvisorySources.record(source.info(), settings.advisories(), sink);
        result.warnings().forEach(sink::warning);
        int vulnerable = 0;
        for (var entry : byQuery.entrySet()) {
            List<OsvRecord> candidates = result.advisories().getOrDefault(entry.getKey(), List.of());
            if (candidates.isEmpty() || result.unchecked().contains(entry.getKey())) {
                continue;
            }
            for (Item item : entry.getValue()) {
                var findings = ImageFindings.match(item.pkg(), item.image(), candidates);
                if (!findings.isEmpty()) {
                    vulnerable++;
                }
                findings.forEach(sink::report);
            }
        }
        int unchecked = result.unchecked().stream().mapToInt(q -> byQuery.get(q).size()).sum();
        if (unchecked > 0) {
            sink.error(null, unchecked + " image packages were NOT checked for vulnerabilities: the advisory source "
                    + "did not answer for them");
        }
        if (unmatchable > 0) {
            sink.warning(unmatchable + " OS packages of an unknown distribution were NOT checked for vulnerabilities");
        }
        sink.property("vulnerablePackages", String.valueOf(vulnerable));
    }

    @Override
    public String toString() {
        return "ImageScanner[" + settings + "]";
    }
}
