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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
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
    private final int threads;
    private final JavaFrontEnd frontEnd = new JavaFrontEnd();
    private final IdenticalFiles identical = new IdenticalFiles();
    private final ConcurrentLinkedQueue<UnitIr> units = new ConcurrentLinkedQueue<>();
    /** The names of the classes already in {@link #units}; guards the order of {@link #units} too. */
    private final Set<String> claimed = new HashSet<>();
    private final MethodSpool spool = new MethodSpool();
    private final Suppressions suppressed = new Suppressions(List.of());
    private volatile boolean sawJava;
    private final Map<String, Map<String, String>> properties = new ConcurrentHashMap<>();
    private final List<ModelFile> userModels = new ArrayList<>();
    private final Map<String, String> modelErrors = new HashMap<>();

    /**
     * @param threads the scan's threads: the taint analysis runs on as many (its result does not depend on it)
     */
    SastScanner(Path root, long budgetSeconds, boolean localSources, int threads) {
        this.root = root;
        this.threads = threads;
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
        IdenticalFiles.Claim claim = identical.claim(file.bytes());
        if (!claim.first()) {
            IdenticalFiles.Outcome earlier = claim.earlier();
            if (earlier != null) {
                report(earlier.unitAt(file.path()), earlier.parsed(), earlier.hitsAt(file.path()), sink);
                return;
            }
        }
        IdenticalFiles.Outcome outcome = null;
        try {
            JavaFrontEnd.Parsed parsed = frontEnd.parse(file.path(), file.text());
            List<SyntaxFinding> hits = parsed.tree().map(tree -> SyntaxRules.check(tree, file.path(),
                    parsed.text())).orElse(List.of());
            report(parsed.unit(), parsed.tree().isPresent(), hits, sink);
            if (!Thread.currentThread().isInterrupted()) {
                outcome = IdenticalFiles.Outcome.of(parsed.unit(), parsed.tree().isPresent(), hits);
            }
        } finally {
            if (claim.first()) {
                claim.done(outcome);
            }
        }
    }

    /** Reports a parsed file's notes and syntax hits and keeps its unit for the whole-program analysis. */
    private void report(UnitIr unit, boolean parsed, List<SyntaxFinding> hits, FindingSink sink) {
        for (String note : unit.notes()) {
            sink.error(unit.path(), note);
        }
        keep(unit);
        if (parsed) {
            Suppressions suppressions = new Suppressions(List.of(unit));
            for (SyntaxFinding hit : hits) {
                Finding finding = SastFindings.fromSyntax(hit);
                sink.report(suppressions.apply(finding, hit.method()));
            }
        }
    }

    /**
     * Keeps what the whole-program analysis needs of a file: its suppressions, and its classes not declared by an
     * earlier file (the analysis takes the first class of each name and never looks at a later one), each method as
     * a stub whose body waits in the {@link MethodSpool}.
     */
    private void keep(UnitIr unit) {
        sawJava = true;
        suppressed.add(unit);
        List<ClassIr> fresh = new ArrayList<>();
        List<ClassIr> stubs = new ArrayList<>();
        List<MethodIr> methods = new ArrayList<>();
        List<MethodIr> methodStubs = new ArrayList<>();
        // the classes are claimed and the unit queued under one lock, so the queue's order is the order of claims
        synchronized (claimed) {
            for (ClassIr c : unit.classes()) {
                if (claimed.add(c.name())) {
                    fresh.add(c);
                    List<MethodIr> own = new ArrayList<>();
                    for (MethodIr m : c.methods()) {
                        MethodIr stub = MethodSpool.stub(m);
                        methods.add(m);
                        methodStubs.add(stub);
                        own.add(stub);
                    }
                    stubs.add(new ClassIr(c.name(), c.supertypes(), c.fieldTypes(), c.isInterface(), own, c.path()));
                }
            }
            if (!fresh.isEmpty()) {
                units.add(new UnitIr(unit.path(), stubs, Map.of(), List.of()));
            }
        }
        if (methods.isEmpty()) {
            return;
        }
        boolean[] spooled = spool.put(methods, methodStubs);
        for (boolean kept : spooled) {
            if (!kept) {
                // a method the codec cannot carry stays whole: put its unit back with those methods in full
                replaceStubs(stubs, methods, methodStubs, spooled);
                return;
            }
        }
    }

    private void replaceStubs(List<ClassIr> stubs, List<MethodIr> methods, List<MethodIr> methodStubs,
            boolean[] spooled) {
        Map<MethodIr, MethodIr> whole = new java.util.IdentityHashMap<>();
        for (int i = 0; i < spooled.length; i++) {
            if (!spooled[i]) {
                whole.put(methodStubs.get(i), methods.get(i));
            }
        }
        synchronized (claimed) {
            List<UnitIr> rebuilt = new ArrayList<>();
            for (UnitIr queued : units) {
                boolean ours = queued.classes().stream().anyMatch(stubs::contains);
                if (!ours) {
                    rebuilt.add(queued);
                    continue;
                }
                List<ClassIr> classes = new ArrayList<>();
                for (ClassIr c : queued.classes()) {
                    List<MethodIr> own = c.methods().stream().map(m -> whole.getOrDefault(m, m)).toList();
                    classes.add(new ClassIr(c.name(), c.supertypes(), c.fieldTypes(), c.isInterface(), own, c.path()));
                }
                rebuilt.add(new UnitIr(queued.path(), classes, Map.of(), List.of()));
            }
            units.clear();
            units.addAll(rebuilt);
        }
    }

    @Override
    public void finish(FindingSink sink) {
        modelErrors.forEach((file, error) -> sink.error(file, "model file not loaded: " + error));
        List<UnitIr> all = List.copyOf(units);
        if (!sawJava) {
            return;
        }
        TaintModels models = TaintModels.load(userModels);
        long start = System.nanoTime();
        TaintEngine engine = new TaintEngine(all, models, Map.copyOf(properties), spool::full, threads);
        TaintEngine.Result result;
        try {
            result = engine.run(start + TimeUnit.SECONDS.toNanos(budgetSeconds));
        } finally {
            spool.close();
        }
        result.notes().forEach(sink::warning);
        sink.property("sast.methods", Integer.toString(result.methods()));
        sink.property("sast.rounds", Integer.toString(result.rounds()));
        sink.property("sast.analyses", Integer.toString(engine.analyses()));
        Suppressions suppressions = suppressed;
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
        /** Each file's {@code devsecops:ignore} lines (files without any are left out). */
        private final Map<String, Map<Integer, List<String>>> byPath = new HashMap<>();
        /** The rule ids suppressed on each method (methods without any are left out). */
        private final Map<String, List<String>> byMethod = new HashMap<>();

        Suppressions(List<UnitIr> units) {
            units.forEach(this::add);
        }

        /** Adds a file's suppressions (any thread). */
        synchronized void add(UnitIr unit) {
            if (unit.ignoredLines().isEmpty()) {
                byPath.remove(unit.path());
            } else {
                byPath.put(unit.path(), unit.ignoredLines());
            }
            for (ClassIr c : unit.classes()) {
                for (MethodIr m : c.methods()) {
                    if (m.suppressed().isEmpty()) {
                        continue;
                    }
                    byMethod.merge(unit.path() + "#" + m.displayName(), m.suppressed(), (a, b) -> {
                        List<String> both = new ArrayList<>(a);
                        both.addAll(b);
                        return both;
                    });
                }
            }
        }

        synchronized Finding apply(Finding finding, String method) {
            String path = finding.location().path();
            List<String> suppressed = byMethod.getOrDefault(path + "#" + method, List.of());
            if (suppressed.contains("*") || suppressed.contains(finding.ruleId())) {
                return finding.toBuilder().suppression(new io.jenkins.plugins.devsecops.model.Suppression(
                        "annotation", "@SuppressWarnings(\"devsecops:" + finding.ruleId() + "\")", null, null,
                        path)).build();
            }
            Map<Integer, List<String>> lines = byPath.get(path);
            List<String> ignored = lines == null ? null : lines.get(finding.location().startLine());
            if (ignored != null && (ignored.contains("*") || ignored.contains(finding.ruleId()))) {
                return finding.toBuilder().suppression(new io.jenkins.plugins.devsecops.model.Suppression("inline",
                        "devsecops:ignore comment", null, null, path + ":" + finding.location().startLine()))
                        .build();
            }
            return finding;
        }
    }
}
