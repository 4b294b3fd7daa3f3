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
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scan of the dependency stage: parses each lockfile as the walk hands it over and spools its packages to disk
 * ({@link SpooledPackages}), then in {@link #finish} reads them back in file and line order, one file's packages at a
 * time: de-duplicates them, publishes the inventory, asks the advisory source and reports the findings. Memory holds
 * the largest lockfile's packages and one inventory component per distinct package version, not every lockfile's
 * packages.
 */
final class DependencyScanner implements StageScanner {

    /** More packages than this from one file are dropped with a warning. */
    static final int MAX_PACKAGES_PER_FILE = 250_000;

    private final Path root;
    private final AdvisorySettings settings;
    /** Every lockfile's packages, on disk until {@link #finish} reads them back in order. */
    private final SpooledPackages packages = new SpooledPackages();
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
        packages.add(found);
    }

    @Override
    public void finish(FindingSink sink) throws IOException, InterruptedException {
        try (packages) {
            finishWithPackages(sink);
        }
    }

    private void finishWithPackages(FindingSink sink) throws IOException, InterruptedException {
        Inventory inventory = new Inventory();
        // The advisory lookup asks once per distinct package version: counted here, the packages read again below.
        Map<PackageQuery, Integer> queries = new LinkedHashMap<>();
        long[] unique = new long[1];
        forEachUnique(pkg -> {
            unique[0]++;
            inventory.add(pkg);
            queries.merge(queryOf(pkg), 1, Integer::sum);
        });
        inventory.publish(sink);
        sink.property("lockfiles", String.valueOf(lockfiles.get()));
        sink.property("packages", String.valueOf(unique[0]));
        if (unique[0] == 0) {
            return;
        }
        AdvisorySource source = AdvisorySources.open(settings, sink);
        if (source == null) {
            return;
        }
        LookupResult result;
        try {
            result = source.lookup(queries.keySet());
        } catch (IOException e) {
            sink.error(null, "Advisory source " + source.info().location() + " failed: " + e.getMessage()
                    + "; " + unique[0] + " packages were NOT checked for vulnerabilities");
            return;
        }
        AdvisorySources.record(source.info(), settings, sink);
        result.warnings().forEach(sink::warning);
        int[] unevaluable = new int[1];
        int[] vulnerable = new int[1];
        forEachUnique(pkg -> {
            PackageQuery query = queryOf(pkg);
            if (result.unchecked().contains(query)) {
                return;
            }
            List<OsvRecord> candidates = result.advisories().getOrDefault(query, List.of());
            if (candidates.isEmpty()) {
                return;
            }
            VulnerabilityMatcher.Match match = VulnerabilityMatcher.match(pkg, candidates);
            if (match.unevaluable()) {
                unevaluable[0]++;
            }
            if (!match.findings().isEmpty()) {
                vulnerable[0]++;
            }
            match.findings().forEach(sink::report);
        });
        long unchecked = result.unchecked().stream().mapToLong(q -> queries.getOrDefault(q, 0)).sum();
        if (unchecked > 0) {
            sink.error(null, unchecked + " packages were NOT checked for vulnerabilities: the advisory source did not answer for them");
        }
        if (unevaluable[0] > 0) {
            sink.warning(unevaluable[0] + " packages have versions some advisory ranges could not be compared with "
                    + "(unknown version scheme); only explicit version lists were used for them");
        }
        sink.property("packagesChecked", String.valueOf(unique[0] - unchecked));
        sink.property("vulnerablePackages", String.valueOf(vulnerable[0]));
    }

    private static PackageQuery queryOf(LockedPackage pkg) {
        return new PackageQuery(pkg.key(), pkg.version(), pkg.ecosystem().queryName(pkg.name()));
    }

    /**
     * Hands over the packages of every lockfile once per file, ecosystem, package and version, in file and line order
     * (see {@link #deduplicate}), read back from the spool: one file's packages in memory at a time.
     */
    private void forEachUnique(java.util.function.Consumer<LockedPackage> action) {
        List<LockedPackage> sameFile = new ArrayList<>();
        packages.forEachInOrder(pkg -> {
            if (!sameFile.isEmpty() && !sameFile.get(0).file().equals(pkg.file())) {
                deduplicate(sameFile).forEach(action);
                sameFile.clear();
            }
            sameFile.add(pkg);
        });
        deduplicate(sameFile).forEach(action);
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

    /**
     * The inventory: one component per purl, merging what the files say about it, added package by package in file
     * and line order and published in purl order. Holds one component per distinct package version.
     */
    private static final class Inventory {
        private final Map<String, Component> byPurl = new HashMap<>();
        // The same package and version recurs in many lockfiles of a tree: its purl is built (and canonicalised by
        // the purl library) once.
        private final Map<PurlOf, String> purls = new HashMap<>();

        void add(LockedPackage pkg) {
            String purl = purls.computeIfAbsent(new PurlOf(pkg.ecosystem(), pkg.name(), pkg.version()), key -> {
                try {
                    return pkg.purl();
                } catch (IllegalArgumentException e) {
                    return NO_PURL;
                }
            });
            if (purl == NO_PURL) {
                return;
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

        void publish(FindingSink sink) {
            new TreeMap<>(byPurl).values().forEach(sink::component);
        }
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
