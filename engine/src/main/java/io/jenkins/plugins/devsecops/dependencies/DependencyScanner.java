package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.packages.LockedPackage;
import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileException;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParser;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParsers;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileResult;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySettings;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySource;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySources;
import io.jenkins.plugins.devsecops.packages.osv.LookupResult;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.PackageQuery;
import io.jenkins.plugins.devsecops.model.Component;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scan of the dependency stage: parses each lockfile as the walk hands it over, then in {@link #finish}
 * de-duplicates the packages, publishes the inventory, asks the advisory source and reports the findings.
 */
final class DependencyScanner implements StageScanner {

    /** More packages than this from one file are dropped with a warning. */
    static final int MAX_PACKAGES_PER_FILE = 250_000;

    private final Path root;
    private final AdvisorySettings settings;
    private final Queue<LockedPackage> packages = new ConcurrentLinkedQueue<>();
    /**
     * One copy of each name, version, purl and hash the inventory holds: the same packages recur in many lockfiles
     * of a tree (and in every copy of a vendored project), so the inventory grows by references, not by strings.
     */
    private final Map<String, String> strings = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger lockfiles = new AtomicInteger();
    /**
     * The parser of each file name met in this scan whose extension some parser takes ({@link
     * LockfileParsers#mayAccept}): the parsers lower-case the name to answer.
     */
    private final Map<String, Optional<LockfileParser>> parsersByFileName =
            new java.util.concurrent.ConcurrentHashMap<>();

    DependencyScanner(Path root, AdvisorySettings settings) {
        this.root = root;
        this.settings = settings;
    }

    @Override
    public boolean accepts(SourceFile file) {
        Optional<LockfileParser> parser = parserOf(file.fileName());
        return parser.isPresent() && (parser.get().binary() || !file.isBinary());
    }

    private Optional<LockfileParser> parserOf(String fileName) {
        if (!LockfileParsers.mayAccept(fileName)) {
            return Optional.empty();
        }
        return parsersByFileName.computeIfAbsent(fileName, LockfileParsers::forFileName);
    }

    @Override
    public void scan(SourceFile file, FindingSink sink) {
        LockfileParser parser = parserOf(file.fileName()).orElseThrow();
        Lockfile lockfile = new Lockfile(file.path(), file.bytes(), file.absolutePath(), root);
        LockfileResult result;
        try {
            result = parser.parse(lockfile);
        } catch (LockfileException e) {
            sink.error(file.path(), parser.format() + ": " + e.getMessage());
            return;
        } catch (RuntimeException | StackOverflowError e) {
            sink.error(file.path(), parser.format() + ": " + ParserErrors.describe(e));
            return;
        }
        lockfiles.incrementAndGet();
        result.warnings().forEach(w -> sink.warning(file.path() + ": " + w));
        List<LockedPackage> found = result.packages();
        if (found.size() > MAX_PACKAGES_PER_FILE) {
            sink.warning(file.path() + ": " + found.size() + " packages; only the first " + MAX_PACKAGES_PER_FILE
                    + " were checked");
            found = found.subList(0, MAX_PACKAGES_PER_FILE);
        }
        // the packages of a file name it (an archive's nested ones name their own path): shared once, not per package
        String path = file.path();
        String sharedPath = intern(path);
        for (LockedPackage pkg : found) {
            packages.add(compact(pkg, pkg.file().equals(path) ? sharedPath : intern(pkg.file())));
        }
    }

    /** The package with its strings shared with the packages seen before ({@code file}: its file's, shared). */
    private LockedPackage compact(LockedPackage pkg, String file) {
        Map<String, String> hashes = pkg.hashes();
        if (!hashes.isEmpty()) {
            Map<String, String> shared = new LinkedHashMap<>();
            hashes.forEach((algorithm, value) -> shared.put(intern(algorithm), intern(value)));
            hashes = shared;
        }
        return new LockedPackage(pkg.ecosystem(), intern(pkg.name()), intern(pkg.version()), file,
                pkg.line(), pkg.direct(), internAll(pkg.dependencyPath()), hashes, internAll(pkg.dependsOn()),
                pkg.scope() == null ? null : intern(pkg.scope()));
    }

    private List<String> internAll(List<String> values) {
        if (values.isEmpty()) {
            return values;
        }
        List<String> shared = new ArrayList<>(values.size());
        for (String value : values) {
            shared.add(value == null ? null : intern(value));
        }
        return shared;
    }

    private String intern(String value) {
        String known = strings.putIfAbsent(value, value);
        return known != null ? known : value;
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        List<LockedPackage> unique = deduplicate(new ArrayList<>(packages));
        publishInventory(unique, sink);
        sink.property("lockfiles", String.valueOf(lockfiles.get()));
        sink.property("packages", String.valueOf(unique.size()));
        if (unique.isEmpty()) {
            return;
        }
        AdvisorySource source = AdvisorySources.open(settings, sink);
        if (source == null) {
            return;
        }
        Map<PackageQuery, List<LockedPackage>> byQuery = new LinkedHashMap<>();
        for (LockedPackage pkg : unique) {
            byQuery.computeIfAbsent(new PackageQuery(pkg.key(), pkg.version(),
                    pkg.ecosystem().queryName(pkg.name())), k -> new ArrayList<>()).add(pkg);
        }
        LookupResult result;
        try {
            result = source.lookup(byQuery.keySet());
        } catch (IOException e) {
            sink.error(null, "Advisory source " + source.info().location() + " failed: " + e.getMessage()
                    + "; " + unique.size() + " packages were NOT checked for vulnerabilities");
            return;
        }
        AdvisorySources.record(source.info(), settings, sink);
        result.warnings().forEach(sink::warning);
        int unevaluable = 0;
        int vulnerable = 0;
        for (var entry : byQuery.entrySet()) {
            if (result.unchecked().contains(entry.getKey())) {
                continue;
            }
            List<OsvRecord> candidates = result.advisories().getOrDefault(entry.getKey(), List.of());
            for (LockedPackage pkg : entry.getValue()) {
                if (candidates.isEmpty()) {
                    continue;
                }
                VulnerabilityMatcher.Match match = VulnerabilityMatcher.match(pkg, candidates);
                if (match.unevaluable()) {
                    unevaluable++;
                }
                if (!match.findings().isEmpty()) {
                    vulnerable++;
                }
                match.findings().forEach(sink::report);
            }
        }
        int unchecked = result.unchecked().stream().mapToInt(q -> byQuery.get(q).size()).sum();
        if (unchecked > 0) {
            sink.error(null, unchecked + " packages were NOT checked for vulnerabilities: the advisory source did not answer for them");
        }
        if (unevaluable > 0) {
            sink.warning(unevaluable + " packages have versions some advisory ranges could not be compared with "
                    + "(unknown version scheme); only explicit version lists were used for them");
        }
        sink.property("packagesChecked", String.valueOf(unique.size() - unchecked));
        sink.property("vulnerablePackages", String.valueOf(vulnerable));
    }

    /** One entry per file, ecosystem, package and version: the first line, direct if any occurrence is. */
    static List<LockedPackage> deduplicate(List<LockedPackage> all) {
        Map<String, LockedPackage> unique = new LinkedHashMap<>();
        all.sort(Comparator.comparing(LockedPackage::file).thenComparingInt(LockedPackage::line));
        for (LockedPackage pkg : all) {
            String key = pkg.file() + "\u0000" + pkg.ecosystem() + "\u0000" + pkg.key().name() + "\u0000" + pkg.version();
            LockedPackage existing = unique.get(key);
            if (existing == null) {
                unique.put(key, pkg);
            } else if (!Boolean.TRUE.equals(existing.direct()) && Boolean.TRUE.equals(pkg.direct())) {
                unique.put(key, existing.toBuilder().direct(true).dependencyPath(pkg.dependencyPath()).build());
            }
        }
        return new ArrayList<>(unique.values());
    }

    /** Publishes one inventory component per purl, merging what the files say about it, in purl order. */
    private static void publishInventory(List<LockedPackage> unique, FindingSink sink) {
        Map<String, Component> byPurl = new HashMap<>();
        // The same package and version recurs in many lockfiles of a tree: its purl is built (and canonicalised by
        // the purl library) once.
        Map<PurlOf, String> purls = new HashMap<>();
        for (LockedPackage pkg : unique) {
            String purl = purls.computeIfAbsent(new PurlOf(pkg.ecosystem(), pkg.name(), pkg.version()), key -> {
                try {
                    return pkg.purl();
                } catch (IllegalArgumentException e) {
                    return NO_PURL;
                }
            });
            if (purl == NO_PURL) {
                continue;
            }
            Component existing = byPurl.get(purl);
            if (existing == null) {
                byPurl.put(purl, new Component(purl, pkg.name(), pkg.version(), pkg.ecosystem().osvName(), pkg.direct(),
                        pkg.dependencyPath(), pkg.hashes(), pkg.dependsOn(), pkg.scope(), pkg.file()));
            } else {
                Set<String> dependsOn = new LinkedHashSet<>(existing.dependsOn());
                dependsOn.addAll(pkg.dependsOn());
                Map<String, String> hashes = new LinkedHashMap<>(pkg.hashes());
                hashes.putAll(existing.hashes());
                Boolean direct = Boolean.TRUE.equals(existing.direct()) || Boolean.TRUE.equals(pkg.direct()) ? Boolean.TRUE
                        : existing.direct() != null ? existing.direct() : pkg.direct();
                String scope = existing.scope() == null || pkg.scope() == null ? null : existing.scope();
                byPurl.put(purl, new Component(purl, existing.name(), existing.version(), existing.ecosystem(), direct,
                        existing.dependencyPath().isEmpty() ? pkg.dependencyPath() : existing.dependencyPath(),
                        hashes, new ArrayList<>(dependsOn), scope, existing.sourceFile()));
            }
        }
        new TreeMap<>(byPurl).values().forEach(sink::component);
    }

    /** What a package's purl is made of. */
    private record PurlOf(io.jenkins.plugins.devsecops.packages.Ecosystem ecosystem, String name, String version) {
    }

    /** Marks a package that has no purl (its name or version cannot be written as one). */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String NO_PURL = new String("no purl");

    @Override
    public String toString() {
        return "DependencyScanner[" + settings + "]";
    }
}
