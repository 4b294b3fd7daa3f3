package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.sast.ir.MethodIr;
import io.jenkins.plugins.devsecops.sast.ir.ClassIr;
import io.jenkins.plugins.devsecops.sast.ir.NameTable;
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
    /**
     * The class kept for each class name: the one declared in the file whose path sorts first, whatever the order in
     * which the scan's threads parse the files, so that the whole-program analysis sees the same program every time.
     */
    private final Map<String, KeptClass> claimed = new HashMap<>();
    private final MethodSpool spool = new MethodSpool();
    /**
     * The names the kept classes and method stubs share: a few thousand distinct names serve hundreds of thousands
     * of methods. Bounded, so that a tree of distinct names costs what it cost without it.
     */
    private final NameTable names = new NameTable(NAMES);
    static final int NAMES = 1 << 18;
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
            // files of one name are merged, a later file's values over an earlier one's: in place, since Jenkins
            // alone has hundreds of Messages.properties (a copy per file made the merging quadratic)
            properties.compute(file.fileName(), (name, merged) -> {
                Map<String, String> into = merged != null ? merged : new HashMap<>();
                for (String key : loaded.stringPropertyNames()) {
                    into.put(key, loaded.getProperty(key));
                }
                return into;
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
            List<SyntaxFinding> hits = parsed.tree().isPresent()
                    ? SyntaxRules.check(parsed.nodes(), file.path(), parsed.text()) : List.of();
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
     * Keeps what the whole-program analysis needs of a file: its suppressions, and each of its classes unless a file
     * whose path sorts before it declares a class of that name (the analysis takes one class of each name), each
     * method as a stub whose body waits in the {@link MethodSpool}. A class displaced later by a file whose path
     * sorts first leaves its spooled bodies unread.
     */
    private void keep(UnitIr unit) {
        sawJava = true;
        suppressed.add(unit);
        List<KeptClass> kept = new ArrayList<>();
        List<MethodIr> methods = new ArrayList<>();
        List<MethodIr> methodStubs = new ArrayList<>();
        synchronized (claimed) {
            List<ClassIr> classes = unit.classes();
            for (int i = 0; i < classes.size(); i++) {
                ClassIr c = classes.get(i);
                KeptClass earlier = claimed.get(c.name());
                if (earlier != null && earlier.path().compareTo(unit.path()) <= 0) {
                    continue;
                }
                List<MethodIr> own = new ArrayList<>();
                for (MethodIr m : c.methods()) {
                    MethodIr stub = spool.stubOf(m, names);
                    methods.add(m);
                    methodStubs.add(stub);
                    own.add(stub);
                }
                KeptClass keptClass = new KeptClass(names.name(unit.path()), i, new ClassIr(names.name(c.name()),
                        names.names(c.supertypes()), c.fieldTypes(), c.isInterface(), own, names.name(c.path())));
                claimed.put(c.name(), keptClass);
                kept.add(keptClass);
            }
        }
        if (methods.isEmpty()) {
            return;
        }
        boolean[] spooled = spool.put(methods, methodStubs);
        for (boolean inSpool : spooled) {
            if (!inSpool) {
                // a method the codec cannot carry stays whole: its class is kept with those methods in full
                replaceStubs(kept, methods, methodStubs, spooled);
                return;
            }
        }
    }

    private void replaceStubs(List<KeptClass> kept, List<MethodIr> methods, List<MethodIr> methodStubs,
            boolean[] spooled) {
        Map<MethodIr, MethodIr> whole = new java.util.IdentityHashMap<>();
        for (int i = 0; i < spooled.length; i++) {
            if (!spooled[i]) {
                whole.put(methodStubs.get(i), methods.get(i));
            }
        }
        synchronized (claimed) {
            for (KeptClass k : kept) {
                ClassIr c = k.stub();
                if (claimed.get(c.name()) != k) {
                    continue; // displaced meanwhile by a file whose path sorts first
                }
                List<MethodIr> own = c.methods().stream().map(m -> whole.getOrDefault(m, m)).toList();
                claimed.put(c.name(), new KeptClass(k.path(), k.index(),
                        new ClassIr(c.name(), c.supertypes(), c.fieldTypes(), c.isInterface(), own, c.path())));
            }
        }
    }

    /** The kept classes as units, in the order of their paths, each file's classes in their order in the file. */
    private List<UnitIr> keptUnits() {
        List<KeptClass> all;
        synchronized (claimed) {
            all = new ArrayList<>(claimed.values());
        }
        all.sort(java.util.Comparator.comparing(KeptClass::path).thenComparingInt(KeptClass::index));
        List<UnitIr> units = new ArrayList<>();
        List<ClassIr> classes = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            classes.add(all.get(i).stub());
            if (i + 1 == all.size() || !all.get(i + 1).path().equals(all.get(i).path())) {
                units.add(new UnitIr(all.get(i).path(), List.copyOf(classes), Map.of(), List.of()));
                classes.clear();
            }
        }
        return units;
    }

    /** A class kept for the analysis: the file it is declared in, its place among that file's classes, its stub. */
    private record KeptClass(String path, int index, ClassIr stub) {
    }

    @Override
    public void finish(FindingSink sink) {
        identical.close();
        modelErrors.forEach((file, error) -> sink.error(file, "model file not loaded: " + error));
        if (!sawJava) {
            return;
        }
        TaintModels models = TaintModels.load(userModels);
        long start = System.nanoTime();
        // neither the units nor the claims are held here through the analysis: the engine keeps what it needs
        TaintEngine engine = new TaintEngine(keptUnits(), models, Map.copyOf(properties), spool::full, threads,
                names);
        synchronized (claimed) {
            claimed.clear();
        }
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
