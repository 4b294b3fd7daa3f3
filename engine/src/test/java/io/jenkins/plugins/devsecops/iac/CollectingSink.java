package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A sink that keeps everything, and a helper that runs the IaC scanner over in-memory files. */
final class CollectingSink implements FindingSink {

    final List<Finding> findings = new CopyOnWriteArrayList<>();
    final Map<String, String> errors = new ConcurrentHashMap<>();
    final List<String> warnings = new CopyOnWriteArrayList<>();

    @Override
    public void report(Finding finding) {
        findings.add(finding);
    }

    @Override
    public void error(String path, String message) {
        errors.put(path, message);
    }

    @Override
    public void warning(String message) {
        warnings.add(message);
    }

    final List<String> skipped = new CopyOnWriteArrayList<>();

    @Override
    public void skipped(String reason) {
        skipped.add(reason);
    }

    @Override
    public void property(String key, String value) {
    }

    /** Runs the built-in rules over files given as path, content pairs. */
    static CollectingSink scan(String... pathsAndContents) throws Exception {
        return scan(new IacScanner(IacRuleCatalog.builtIn()), pathsAndContents);
    }

    static CollectingSink scan(IacScanner scanner, String... pathsAndContents) throws Exception {
        CollectingSink sink = new CollectingSink();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            SourceFile file = SourceFile.ofContent(pathsAndContents[i],
                    pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
            if (scanner.accepts(file)) {
                scanner.scan(file, sink);
            }
        }
        scanner.finish(sink);
        return sink;
    }

    List<Finding> of(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }
}
