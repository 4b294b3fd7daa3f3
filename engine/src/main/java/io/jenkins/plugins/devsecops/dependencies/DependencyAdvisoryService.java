package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.advisory.AdvisoryAnswer;
import io.jenkins.plugins.devsecops.advisory.AdvisoryService;
import io.jenkins.plugins.devsecops.advisory.KnownVulnerability;
import io.jenkins.plugins.devsecops.advisory.PackageVersion;
import io.jenkins.plugins.devsecops.packages.AdvisorySeverity;
import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.PackageKey;
import io.jenkins.plugins.devsecops.packages.osv.AdvisoryGroups;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySettings;
import io.jenkins.plugins.devsecops.packages.osv.AdvisorySource;
import io.jenkins.plugins.devsecops.packages.osv.AffectedVersions;
import io.jenkins.plugins.devsecops.packages.osv.LookupResult;
import io.jenkins.plugins.devsecops.packages.osv.OfflineOsvIndex;
import io.jenkins.plugins.devsecops.packages.osv.OsvApiSource;
import io.jenkins.plugins.devsecops.packages.osv.OsvRecord;
import io.jenkins.plugins.devsecops.packages.osv.PackageQuery;
import io.jenkins.plugins.devsecops.scan.ScanRequest;
import io.jenkins.plugins.devsecops.scan.StageContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dependency stage's advisory sources offered to other stages ({@link AdvisoryService}, registered in
 * {@code META-INF/services}): the same {@code dependencies.*} options pick the OSV export or the OSV API, and the same
 * version orderings decide whether a version is affected.
 */
public final class DependencyAdvisoryService implements AdvisoryService {

    @Override
    public AdvisoryAnswer lookup(ScanRequest request, List<PackageVersion> packages)
            throws IOException, InterruptedException {
        AdvisorySettings settings = AdvisorySettings.from(new StageContext(request.root(), request,
                DependencyStage.ID));
        List<String> warnings = new ArrayList<>();
        AdvisorySource source;
        Path offline = settings.osvZip() != null ? settings.osvZip() : settings.osvDir();
        if (offline != null) {
            source = OfflineOsvIndex.open(offline, settings.indexDir() != null ? settings.indexDir()
                    : OfflineOsvIndex.defaultIndexDir(offline));
        } else if (settings.osvUrl() != null) {
            source = new OsvApiSource(settings.osvUrl(), settings.api());
        } else {
            warnings.add("No advisory source configured (dependencies.osvZip, dependencies.osvDir or dependencies.osvUrl):"
                    + " the " + packages.size() + " JavaScript libraries found were NOT checked for vulnerabilities");
            return new AdvisoryAnswer(List.of(), packages, "none", warnings);
        }
        Map<PackageQuery, PackageVersion> queries = new LinkedHashMap<>();
        for (PackageVersion pkg : packages) {
            Optional<Ecosystem> ecosystem = Ecosystem.fromOsvName(pkg.ecosystem());
            if (ecosystem.isEmpty()) {
                continue;
            }
            queries.put(new PackageQuery(PackageKey.of(ecosystem.get(), pkg.name()), pkg.version(),
                    ecosystem.get().queryName(pkg.name())), pkg);
        }
        LookupResult result = source.lookup(queries.keySet());
        warnings.addAll(result.warnings());
        List<KnownVulnerability> found = new ArrayList<>();
        List<PackageVersion> unchecked = new ArrayList<>();
        for (Map.Entry<PackageQuery, PackageVersion> entry : queries.entrySet()) {
            if (result.unchecked().contains(entry.getKey())) {
                unchecked.add(entry.getValue());
                continue;
            }
            Ecosystem ecosystem = entry.getKey().key().ecosystem();
            Map<String, OsvRecord> affecting = new LinkedHashMap<>();
            Map<String, String> fixed = new LinkedHashMap<>();
            for (OsvRecord record : result.advisories().getOrDefault(entry.getKey(), List.of())) {
                if (record.withdrawn() != null) {
                    continue;
                }
                AffectedVersions.Verdict verdict = AffectedVersions.evaluate(record, ecosystem, entry.getKey().key().name(),
                        entry.getValue().version());
                if (verdict.affected()) {
                    affecting.put(record.id(), record);
                    fixed.put(record.id(), verdict.fixedVersion());
                }
            }
            for (List<OsvRecord> group : AdvisoryGroups.group(new ArrayList<>(affecting.values()))) {
                OsvRecord first = group.get(0);
                List<String> aliases = new ArrayList<>();
                group.forEach(r -> {
                    aliases.add(r.id());
                    aliases.addAll(r.aliases());
                });
                aliases.remove(first.id());
                found.add(new KnownVulnerability(entry.getValue(), first.id(), aliases.stream().distinct().toList(),
                        first.summary(), AdvisorySeverity.of(group).severity(), fixed.get(first.id())));
            }
        }
        return new AdvisoryAnswer(found, unchecked, source.info().kind() + " " + source.info().location(), warnings);
    }
}
