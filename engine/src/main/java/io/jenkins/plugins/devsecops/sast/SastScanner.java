package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.UnitIr;
import io.jenkins.plugins.devsecops.sast.java.JavaFrontEnd;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxFinding;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxRules;
import io.jenkins.plugins.devsecops.sast.taint.FlowFinding;
import io.jenkins.plugins.devsecops.sast.taint.ModelFile;
import io.jenkins.plugins.devsecops.sast.taint.TaintEngine;
import io.jenkins.plugins.devsecops.sast.taint.TaintModels;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import io.jenkins.plugins.devsecops.yaml.YamlInputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * One scan of the SAST stage. Java files are parsed and lowered as they come (any thread) and checked by the
 * syntax rules at once; the taint analysis needs the whole program and runs in {@link #finish}.
 */
final class SastScanner implements StageScanner {

    static final String MODELS_DIRECTORY = ".devsecops/sast";
    /** Java files larger than this are not parsed (generated code); each is noted. */
    static final long MAX_JAVA_BYTES = 2L * 1024 * 1024;
    private static final long MAX_PROPERTIES_BYTES = 512 * 1024;
    private static final long MAX_MODEL_BYTES = 256 * 1024;

    private final Path root;
    private final long budgetSeconds;
    private final boolean localSources;
    private final JavaFrontEnd frontEnd = new JavaFrontEnd();
    private final ConcurrentLinkedQueue<UnitIr> units = new ConcurrentLinkedQueue<>();
    private final Map<String, Map<String, String>> properties = new ConcurrentHashMap<>();
    private final List<ModelFile> userModels = new ArrayList<>();
    private final Map<String, String> modelErrors = new HashMap<>();

    SastScanner(Path root, long budgetSeconds, boolean localSources) {
        this.root = root;
        this.budgetSeconds = budgetSeconds;
        this.localSources = localSources;
        loadUserModels();
    }

    private void loadUserModels() {
        Path directory = root.resolve(MODELS_DIRECTORY);
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            for (Path file : files) {
                String name = MODELS_DIRECTORY + "/" + file.getFileName();
                try {
                    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > MAX_MODEL_BYTES) {
                        modelErrors.put(name, "not a regular file of at most " + MAX_MODEL_BYTES + " bytes");
                        continue;
                    }
                    userModels.add(TaintModels.read(Files.readString(file, StandardCharsets.UTF_8), name));
                } catch (YamlInputException e) {
                    modelErrors.put(name, e.getMessage());
                } catch (IOException | RuntimeException e) {
                    modelErrors.put(name, "cannot read: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            modelErrors.put(MODELS_DIRECTORY, "cannot list: " + e.getMessage());
        }
    }

    @Override
    public boolean accepts(SourceFile file) {
        String name = file.fileName();
        return name.endsWith(".java") || name.endsWith(".properties") && file.size() <= MAX_PROPERTIES_BYTES;
    }

    @Override
    public void scan(SourceFile file, FindingSink sink) throws IOException {
        if (file.fileName().endsWith(".properties")) {
            Properties loaded = new Properties();
            try {
                loaded.load(new StringReader(file.text()));
            } catch (IllegalArgumentException e) {
                return;
            }
            Map<String, String> values = new HashMap<>();
            loaded.stringPropertyNames().forEach(k -> values.put(k, loaded.getProperty(k)));
            properties.merge(file.fileName(), values, (a, b) -> {
                Map<String, String> merged = new HashMap<>(a);
                merged.putAll(b);
                return merged;
            });
            return;
        }
        if (file.size() > MAX_JAVA_BYTES) {
            sink.error(file.path(), "larger than " + MAX_JAVA_BYTES + " bytes: not analysed (generated code?)");
            sink.skipped("java file too large");
            return;
        }
        if (file.isBinary()) {
            return;
        }
        JavaFrontEnd.Parsed parsed = frontEnd.parse(file.path(), file.text());
        for (String note : parsed.unit().notes()) {
            sink.error(file.path(), note);
        }
        units.add(parsed.unit());
        parsed.tree().ifPresent(tree -> {
            Suppressions suppressions = new Suppressions(List.of(parsed.unit()));
            for (SyntaxFinding hit : SyntaxRules.check(tree, file.path(), parsed.text())) {
                Finding finding = SastFindings.fromSyntax(hit);
                sink.report(suppressions.apply(finding, hit.method()));
            }
        });
    }

    @Override
    public void finish(FindingSink sink) {
        modelErrors.forEach((file, error) -> sink.error(file, "model file not loaded: " + error));
        List<UnitIr> all = List.copyOf(units);
        if (all.isEmpty()) {
            return;
        }
        TaintModels models = TaintModels.load(userModels);
        long start = System.nanoTime();
        TaintEngine engine = new TaintEngine(all, models, Map.copyOf(properties));
        TaintEngine.Result result = engine.run(start + TimeUnit.SECONDS.toNanos(budgetSeconds));
        result.notes().forEach(sink::warning);
        sink.property("sast.methods", Integer.toString(result.methods()));
        sink.property("sast.rounds", Integer.toString(result.rounds()));
        sink.property("sast.analyses", Integer.toString(engine.analyses()));
        Suppressions suppressions = new Suppressions(all);
        for (FlowFinding flow : result.findings()) {
            if (!localSources && flow.kind() != null && !flow.remote()) {
                continue;
            }
            Finding finding = SastFindings.fromFlow(flow, models);
            sink.report(suppressions.apply(finding, flow.method()));
        }
    }

    /** {@code @SuppressWarnings("devsecops:RULE")} on the method or class, and {@code devsecops:ignore} comments. */
    static final class Suppressions {
        private final Map<String, UnitIr> byPath = new HashMap<>();
        private final Map<String, List<String>> byMethod = new HashMap<>();

        Suppressions(List<UnitIr> units) {
            for (UnitIr unit : units) {
                byPath.put(unit.path(), unit);
                for (ClassIr c : unit.classes()) {
                    for (MethodIr m : c.methods()) {
                        byMethod.merge(unit.path() + "#" + m.displayName(), m.suppressed(), (a, b) -> {
                            List<String> both = new ArrayList<>(a);
                            both.addAll(b);
                            return both;
                        });
                    }
                }
            }
        }

        Finding apply(Finding finding, String method) {
            String path = finding.location().path();
            List<String> suppressed = byMethod.getOrDefault(path + "#" + method, List.of());
            if (suppressed.contains("*") || suppressed.contains(finding.ruleId())) {
                return finding.toBuilder().suppression(new io.jenkins.plugins.devsecops.model.Suppression(
                        "annotation", "@SuppressWarnings(\"devsecops:" + finding.ruleId() + "\")", null, null,
                        path)).build();
            }
            UnitIr unit = byPath.get(path);
            List<String> ignored = unit == null ? null : unit.ignoredLines().get(finding.location().startLine());
            if (ignored != null && (ignored.contains("*") || ignored.contains(finding.ruleId()))) {
                return finding.toBuilder().suppression(new io.jenkins.plugins.devsecops.model.Suppression("inline",
                        "devsecops:ignore comment", null, null, path + ":" + finding.location().startLine()))
                        .build();
            }
            return finding;
        }
    }
}
