package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.scan.ParserErrors;
import io.jenkins.plugins.devsecops.iac.cloudformation.CloudFormationTemplates;
import io.jenkins.plugins.devsecops.iac.dockerfile.Dockerfile;
import io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileNames;
import io.jenkins.plugins.devsecops.iac.dockerfile.DockerfileParser;
import io.jenkins.plugins.devsecops.iac.kubernetes.HelmCharts;
import io.jenkins.plugins.devsecops.iac.kubernetes.KubernetesObjects;
import io.jenkins.plugins.devsecops.iac.kubernetes.Kustomizations;
import io.jenkins.plugins.devsecops.iac.kubernetes.NamespaceCoverage;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.rule.CustomRules;
import io.jenkins.plugins.devsecops.iac.rule.IacRule;
import io.jenkins.plugins.devsecops.iac.rule.ResourceRules;
import io.jenkins.plugins.devsecops.iac.rule.ResourceTarget;
import io.jenkins.plugins.devsecops.iac.rule.RuleHit;
import io.jenkins.plugins.devsecops.iac.rule.RuleHits;
import io.jenkins.plugins.devsecops.iac.rule.RuleTarget;
import io.jenkins.plugins.devsecops.iac.terraform.HclBlock;
import io.jenkins.plugins.devsecops.iac.terraform.HclParser;
import io.jenkins.plugins.devsecops.iac.terraform.TerraformJson;
import io.jenkins.plugins.devsecops.iac.terraform.TerraformModules;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.JsonDocuments;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.scan.FindingSink;
import io.jenkins.plugins.devsecops.scan.SourceFile;
import io.jenkins.plugins.devsecops.scan.StageScanner;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import io.jenkins.plugins.devsecops.files.TreeFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One scan of the IaC stage. Files are parsed as they come (any thread); Dockerfiles and CloudFormation templates
 * are checked at once, while Terraform files (modules span files and directories) and Kubernetes objects (network
 * policies apply across files) are checked in {@link #finish}. Until then their parsed documents wait in an
 * {@link IacSpool} (out of the heap), and only compact cross-file facts stay in memory: the module blocks of each
 * Terraform file, the paths of Kubernetes and patch files, kustomizations and Helm chart sources. {@link #finish}
 * reads back one Terraform module instance, or one Kubernetes file, at a time.
 */
final class IacScanner implements StageScanner {

    static final String CUSTOM_RULES_DIRECTORY = ".devsecops/iac-rules";
    private static final long MAX_CUSTOM_RULE_FILE = 256 * 1024;
    private static final int MAX_PATCH_FILE = 256 * 1024;
    private static final int MAX_NOTES = 20;

    private final List<IacRule> rules;
    private final Map<IacPlatform, List<IacRule>> rulesByPlatform;
    private final Map<String, String> ruleFileErrors = new LinkedHashMap<>();
    private static final int CACHED_SUPPRESSIONS = 64;

    private final IacSpool spool = new IacSpool();
    /** The module blocks of every Terraform file (its blocks wait in the spool), by path. */
    private final Map<String, List<TerraformModules.ModuleBlock>> terraformFiles = new ConcurrentHashMap<>();
    /** Suppressions of files whose text is not in the spool (rendered Helm templates). */
    private final Map<String, InlineSuppressions> suppressions = new ConcurrentHashMap<>();
    /** Paths of spooled files whose text carries suppressions and line texts (findings in them show a line). */
    private final Set<String> suppressible = ConcurrentHashMap.newKeySet();
    /** Suppressions of spooled files read back lately: checks ask for the same few files many times over. */
    private final Map<String, InlineSuppressions> recentSuppressions =
            new LinkedHashMap<>(CACHED_SUPPRESSIONS * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, InlineSuppressions> eldest) {
                    return size() > CACHED_SUPPRESSIONS;
                }
            };
    private final Set<String> kubernetesFiles = ConcurrentHashMap.newKeySet();
    private final Set<String> patchFiles = ConcurrentHashMap.newKeySet();
    private final Map<String, IacNode.Mapping> kustomizations = new ConcurrentHashMap<>();
    private final Map<String, String> helmCharts = new ConcurrentHashMap<>();
    private final Map<String, String> helmValues = new ConcurrentHashMap<>();
    private final Map<String, String> helmTemplates = new ConcurrentHashMap<>();

    IacScanner(Path root) {
        List<IacRule> all = new ArrayList<>(IacRuleCatalog.builtIn());
        all.addAll(loadCustomRules(root));
        this.rules = List.copyOf(all);
        this.rulesByPlatform = byPlatform(this.rules);
    }

    /** For tests: a scanner with exactly these rules. */
    IacScanner(List<IacRule> rules) {
        this.rules = List.copyOf(rules);
        this.rulesByPlatform = byPlatform(this.rules);
    }

    private static Map<IacPlatform, List<IacRule>> byPlatform(List<IacRule> rules) {
        Map<IacPlatform, List<IacRule>> index = new EnumMap<>(IacPlatform.class);
        for (IacPlatform platform : IacPlatform.values()) {
            index.put(platform, rules.stream().filter(rule -> rule.platform() == platform).toList());
        }
        return index;
    }

    /** The rules of {@code platform}, in catalog order. */
    private List<IacRule> rulesOf(IacPlatform platform) {
        return rulesByPlatform.get(platform);
    }

    private List<IacRule> loadCustomRules(Path root) {
        List<IacRule> custom = new ArrayList<>();
        if (root == null) {
            return custom;
        }
        Path directory = root.resolve(CUSTOM_RULES_DIRECTORY);
        TreeFiles tree = new TreeFiles(root);
        try {
            // Rules are configuration: read only from real directories and regular files inside the tree.
            tree.requireNoLinks(directory);
        } catch (IOException e) {
            ruleFileErrors.put(CUSTOM_RULES_DIRECTORY, "Custom rules not read: " + e.getMessage());
            return custom;
        }
        if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
            return custom;
        }
        Set<String> ids = new HashSet<>();
        IacRuleCatalog.builtIn().forEach(rule -> ids.add(rule.id()));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(directory, "*.{yaml,yml}")) {
            stream.forEach(files::add);
        } catch (IOException e) {
            ruleFileErrors.put(CUSTOM_RULES_DIRECTORY, "Cannot list custom rules: " + e.getMessage());
            return custom;
        }
        Collections.sort(files);
        for (Path file : files) {
            String relative = CUSTOM_RULES_DIRECTORY + "/" + file.getFileName();
            try {
                String text;
                try {
                    text = tree.readText(file, (int) MAX_CUSTOM_RULE_FILE);
                } catch (IOException e) {
                    ruleFileErrors.put(relative, "Custom rule file not read: " + e.getMessage());
                    continue;
                }
                for (IacRule rule : CustomRules.parse(text)) {
                    if (!ids.add(rule.id())) {
                        throw new IacParseException("Rule id '" + rule.id() + "' is already taken");
                    }
                    custom.add(rule);
                }
            } catch (IacParseException e) {
                ruleFileErrors.put(relative, "Invalid custom IaC rules: " + e.getMessage());
            }
        }
        return custom;
    }

    /** The kind of IaC file a path names, judged by name only. */
    enum FileKind { TERRAFORM, TERRAFORM_JSON, DOCKERFILE, YAML, JSON, NONE }

    static FileKind kindOf(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tf")) {
            return FileKind.TERRAFORM;
        }
        if (lower.endsWith(".tf.json")) {
            return FileKind.TERRAFORM_JSON;
        }
        // the name lowered once: isCandidate and isExact lower it the same way
        if (DockerfileNames.isCandidateLowered(lower)) {
            return FileKind.DOCKERFILE;
        }
        if (lower.endsWith(".yaml") || lower.endsWith(".yml")) {
            return FileKind.YAML;
        }
        if (lower.endsWith(".json") || lower.endsWith(".template")) {
            return FileKind.JSON;
        }
        return FileKind.NONE;
    }

    @Override
    public boolean accepts(SourceFile file) {
        String name = file.fileName();
        String path = file.path();
        return (kindOf(name) != FileKind.NONE || name.endsWith(".tpl") && isHelmTemplatePath(path))
                && !path.startsWith(CUSTOM_RULES_DIRECTORY + "/")
                && !isTerraformCache(path) && !file.isBinary();
    }

    /** Whether a path is inside a {@code .terraform} directory: downloaded third-party modules and providers. */
    static boolean isTerraformCache(String path) {
        return path.startsWith(".terraform/") || path.contains("/.terraform/");
    }

    @Override
    public void scan(SourceFile file, FindingSink sink) {
        int words = markerWords(file);
        if (words == NOT_SEARCHED || isCandidate(kindOf(file.fileName()), words)) {
            scanText(file, sink, words);
        }
    }

    /** Scans a file from its decoded text, without the pre-check on its bytes (tests compare both). */
    void scanText(SourceFile file, FindingSink sink) {
        scanText(file, sink, NOT_SEARCHED);
    }

    /** Scans a file from its decoded text; {@code words} are its {@link #markerWords}, or {@link #NOT_SEARCHED}. */
    private void scanText(SourceFile file, FindingSink sink, int words) {
        String text = file.text();
        if (file.fileName().equals("Chart.yaml")) {
            helmCharts.put(directoryOf(file.path()), text);
            return;
        }
        if (file.fileName().equals("values.yaml")) {
            helmValues.put(directoryOf(file.path()), text);
        }
        if (isHelmTemplatePath(file.path()) && (text.contains("{{") || file.fileName().endsWith(".tpl"))) {
            helmTemplates.put(file.path(), text);
            return;
        }
        try {
            switch (kindOf(file.fileName())) {
                case TERRAFORM -> {
                    List<HclBlock> blocks = HclParser.parse(text);
                    // the text is the file's bytes decoded: the spool keeps those bytes instead of encoding it again
                    spool.putBlocksWithUtf8Text(file.path(), file.bytes(), blocks);
                    suppressible.add(file.path());
                    terraformFiles.put(file.path(), TerraformModules.ModuleBlock.of(blocks));
                }
                case TERRAFORM_JSON -> {
                    List<HclBlock> blocks = TerraformJson.parse(text);
                    spool.putBlocks(file.path(), null, blocks);
                    terraformFiles.put(file.path(), TerraformModules.ModuleBlock.of(blocks));
                }
                case DOCKERFILE -> {
                    if (!DockerfileNames.isExact(file.fileName()) && !DockerfileNames.startsLikeDockerfile(text)) {
                        sink.skipped("named like a Dockerfile but does not start with FROM, ARG or a parser directive");
                        return;
                    }
                    Dockerfile dockerfile = DockerfileParser.parse(file.path(), text,
                            warning -> sink.warning(file.path() + ": " + warning));
                    InlineSuppressions inline = InlineSuppressions.of(file.path(), text, true);
                    evaluate(List.of(dockerfile), inline, sink);
                }
                case YAML -> scanYaml(file, text, sink, words);
                case JSON -> scanJson(file, text, sink, words);
                default -> {
                }
            }
        } catch (IacParseException e) {
            sink.error(file.path(), e.getMessage());
        }
    }

    /**
     * Whether {@code file} is a YAML or JSON file that {@link #scan} would leave alone because its text holds none of
     * the words that make it a Kubernetes, CloudFormation or patch candidate: judged on the raw bytes in one pass, so
     * that such files (most YAML and JSON files of a tree) are never decoded. Files whose name or place asks for their
     * text anyway (Helm charts and templates, kustomizations) are never skipped here.
     */
    static boolean holdsNoCandidateMarker(SourceFile file) {
        int words = markerWords(file);
        return words != NOT_SEARCHED && !isCandidate(kindOf(file.fileName()), words);
    }

    /** What {@link #markerWords} answers for a file that is not judged by its words. */
    private static final int NOT_SEARCHED = -1;

    /**
     * The candidate words ({@link #yamlWords} or {@link #jsonWords}) of a YAML or JSON file that is judged by them,
     * or {@link #NOT_SEARCHED} for other files and for those whose name or place asks for their text anyway.
     */
    private static int markerWords(SourceFile file) {
        String name = file.fileName();
        FileKind kind = kindOf(name);
        if (kind != FileKind.YAML && kind != FileKind.JSON || isHelmTemplatePath(file.path())
                || name.equals("Chart.yaml") || name.equals("values.yaml")
                || Kustomizations.FILE_NAMES.contains(name)) {
            return NOT_SEARCHED;
        }
        return kind == FileKind.JSON ? jsonWords(file.bytes()) : yamlWords(file.bytes());
    }

    /** Whether a YAML or JSON file with these words is an IaC candidate (else {@link #scan} leaves it). */
    private static boolean isCandidate(FileKind kind, int words) {
        return kind == FileKind.JSON ? words != 0
                : maybeKubernetes(words) || maybeCloudFormation(words) || maybePatch(words);
    }

    /** Whether a YAML file with these {@link #YAML_MARKERS} may hold Kubernetes objects. */
    private static boolean maybeKubernetes(int words) {
        return (words & YAML_API_VERSION) != 0 && (words & YAML_KIND) != 0;
    }

    /** Whether a YAML file with these {@link #YAML_MARKERS} may be a CloudFormation template. */
    private static boolean maybeCloudFormation(int words) {
        return (words & (YAML_TEMPLATE_VERSION | YAML_AWS_TYPE)) != 0;
    }

    /** Whether a YAML file with these {@link #YAML_MARKERS} may be a JSON patch (a kustomize patch target). */
    private static boolean maybePatch(int words) {
        return (words & YAML_OP) != 0 && (words & YAML_PATH) != 0;
    }

    /**
     * The words that make a YAML file a candidate, in the bit order of {@link AsciiMarkers#find}: the one place
     * they are decided, both by the pre-check on bytes and by {@link #scanYaml}. {@code op:} is searched apart, and
     * only in a file that holds {@code path:}: with it the shortest word, and so the search's window and its moves,
     * were three bytes long instead of four.
     */
    private static final AsciiMarkers YAML_MARKERS =
            AsciiMarkers.of("apiVersion", "kind", "AWSTemplateFormatVersion", "AWS::", "path:");
    private static final AsciiMarkers YAML_OP_MARKER = AsciiMarkers.of("op:");
    private static final int YAML_API_VERSION = 1;
    private static final int YAML_KIND = 1 << 1;
    private static final int YAML_TEMPLATE_VERSION = 1 << 2;
    private static final int YAML_AWS_TYPE = 1 << 3;
    private static final int YAML_PATH = 1 << 4;
    private static final int YAML_OP = 1 << 5;
    /** The words without which {@link #scanJson} returns at once. */
    private static final AsciiMarkers JSON_MARKERS = AsciiMarkers.of("AWSTemplateFormatVersion", "\"AWS::");

    /**
     * The candidate words of a YAML file's bytes. The search stops once the file may hold Kubernetes objects or be a
     * CloudFormation template: it is parsed then, whatever else it holds, so the patch words are not looked for.
     */
    static int yamlWords(byte[] bytes) {
        int words = YAML_MARKERS.find(bytes, found -> maybeKubernetes(found) || maybeCloudFormation(found));
        if (!maybeKubernetes(words) && !maybeCloudFormation(words) && (words & YAML_PATH) != 0
                && YAML_OP_MARKER.find(bytes) != 0) {
            words |= YAML_OP;
        }
        return words;
    }

    /** The candidate words of a JSON file's bytes: not 0 when it may be a CloudFormation template (found first). */
    static int jsonWords(byte[] bytes) {
        return JSON_MARKERS.find(bytes, found -> found != 0);
    }

    private void scanYaml(SourceFile file, String text, FindingSink sink, int known) throws IacParseException {
        if (Kustomizations.FILE_NAMES.contains(file.fileName())) {
            List<IacNode> documents = YamlDocuments.parse(text);
            if (!documents.isEmpty() && documents.get(0) instanceof IacNode.Mapping kustomization) {
                kustomizations.put(file.path(), kustomization);
                spool.putDocumentsWithUtf8Text(file.path(), file.bytes(), List.of());
                suppressible.add(file.path());
            }
            return;
        }
        int words = known != NOT_SEARCHED ? known : yamlWords(file.bytes());
        if (!maybeKubernetes(words) && !maybeCloudFormation(words)) {
            if (maybePatch(words) && text.length() <= MAX_PATCH_FILE) {
                try {
                    spool.putDocuments(file.path(), null, YamlDocuments.parse(text));
                    patchFiles.add(file.path());
                } catch (IacParseException e) {
                    sink.skipped("YAML that is neither Kubernetes nor CloudFormation");
                }
            }
            return;
        }
        List<IacNode> documents;
        try {
            documents = YamlDocuments.parse(text);
        } catch (IacParseException e) {
            if (text.contains("{{") && text.contains("}}")) {
                sink.skipped("unrendered template (Helm or similar): render it and scan the output");
                return;
            }
            boolean clearlyIac = text.contains("AWSTemplateFormatVersion")
                    || text.contains("apiVersion:") && text.contains("kind:");
            if (!clearlyIac) {
                sink.skipped("YAML that is neither Kubernetes nor CloudFormation");
                return;
            }
            throw e;
        }
        if (documents.size() == 1 && CloudFormationTemplates.isTemplate(documents.get(0))) {
            List<IacResource> resources = CloudFormationTemplates.read(file.path(), documents.get(0));
            evaluateUnit(resources, InlineSuppressions.of(file.path(), text), sink);
        } else if (KubernetesObjects.isKubernetes(documents)) {
            spool.putDocumentsWithUtf8Text(file.path(), file.bytes(), documents);
            keptKubernetes(file.path());
        }
    }

    private void scanJson(SourceFile file, String text, FindingSink sink, int known) throws IacParseException {
        if ((known != NOT_SEARCHED ? known : jsonWords(file.bytes())) == 0) {
            return;
        }
        IacNode document;
        try {
            document = JsonDocuments.parse(text, 1);
        } catch (IacParseException e) {
            if (!text.contains("AWSTemplateFormatVersion") && !text.contains("\"Resources\"")) {
                sink.skipped("JSON that is not a CloudFormation template");
                return;
            }
            throw e;
        }
        if (CloudFormationTemplates.isTemplate(document)) {
            evaluateUnit(CloudFormationTemplates.read(file.path(), document), InlineSuppressions.of(file.path(), text),
                    sink);
        }
    }

    /** Keeps a Kubernetes file for {@link #finish}: its documents in the spool, its path in memory. */
    private void keepKubernetes(String path, String text, List<IacNode> documents) {
        spool.putDocuments(path, text, documents);
        keptKubernetes(path);
    }

    /** Notes a Kubernetes file whose documents are in the spool. */
    private void keptKubernetes(String path) {
        suppressible.add(path);
        patchFiles.remove(path);
        kubernetesFiles.add(path);
    }

    /** The inline suppressions of a file, or null when the file has none to offer (as if it had no text). */
    private InlineSuppressions suppressionsOf(String path) {
        InlineSuppressions known = suppressions.get(path);
        if (known != null || !suppressible.contains(path)) {
            return known;
        }
        synchronized (recentSuppressions) {
            InlineSuppressions recent = recentSuppressions.get(path);
            if (recent != null) {
                return recent;
            }
        }
        String text = spool.text(path);
        if (text == null) {
            return null;
        }
        InlineSuppressions read = InlineSuppressions.of(path, text);
        synchronized (recentSuppressions) {
            recentSuppressions.put(path, read);
        }
        return read;
    }

    /** The documents of a spooled YAML file, or null. */
    private List<IacNode> documentsOf(String path) {
        IacSpool.Entry entry = spool.parsed(path);
        return entry == null ? null : entry.documents();
    }

    @Override
    public void finish(FindingSink sink) {
        try {
            ruleFileErrors.forEach(sink::error);
            Set<String> reported = new HashSet<>();
            finishTerraform(sink, reported);
            finishKubernetes(sink, reported);
            sink.property("iac.rules", Integer.toString(rules.size()));
        } finally {
            spool.close();
        }
    }

    /** Checks every Terraform module instance, reading its directories back from the spool one at a time. */
    private void finishTerraform(FindingSink sink, Set<String> reported) {
        SortedMap<String, SortedMap<String, List<TerraformModules.ModuleBlock>>> moduleBlocks = new TreeMap<>();
        new TreeMap<>(terraformFiles).forEach((path, blocks) -> moduleBlocks
                .computeIfAbsent(TerraformModules.directoryOf(path), d -> new TreeMap<>()).put(path, blocks));
        TerraformModules modules = new TerraformModules(new TerraformModules.Files() {
            @Override
            public SortedMap<String, SortedMap<String, List<TerraformModules.ModuleBlock>>> moduleBlocks() {
                return moduleBlocks;
            }

            @Override
            public SortedMap<String, List<HclBlock>> load(String directory) {
                SortedMap<String, List<HclBlock>> files = new TreeMap<>();
                for (String path : moduleBlocks.getOrDefault(directory, new TreeMap<>()).keySet()) {
                    IacSpool.Entry entry = spool.parsed(path);
                    if (entry != null && entry.blocks() != null) {
                        files.put(path, entry.blocks());
                    }
                }
                return files;
            }
        });
        for (TerraformModules.UnscannedModule module : modules.unscannedModules()) {
            sink.skipped("Terraform module not scanned (" + module.kind() + "): " + module.source());
        }
        List<IacRule> terraformRules = rulesOf(IacPlatform.TERRAFORM);
        modules.forEachUnit(declared -> {
            List<IacResource> unit = List.copyOf(declared);
            Map<String, List<IacResource>> byType = byType(unit);
            Map<String, Object> memo = new ConcurrentHashMap<>();
            for (IacRule rule : terraformRules) {
                for (IacResource resource : candidates(rule, unit, byType)) {
                    report(rule, new ResourceTarget(resource, unit, memo), resource.line(),
                            suppressionsOf(resource.path()), sink, reported);
                }
            }
        });
        modules.warnings().forEach(sink::warning);
    }

    /**
     * Checks every Kubernetes object. The cross-object facts (what each namespace holds) are gathered in a first
     * pass over the objects; the second pass checks them one file at a time with those facts.
     */
    private void finishKubernetes(FindingSink sink, Set<String> reported) {
        List<IacResource> rendered = renderHelmCharts(sink);
        List<IacResource> built = List.of();
        Set<String> consumed = Set.of();
        if (!kustomizations.isEmpty()) {
            Kustomizations.Result result = Kustomizations.build(kustomizations, new SpooledYaml());
            built = result.objects();
            consumed = result.consumed();
            result.notes().stream().limit(MAX_NOTES).forEach(sink::warning);
            sink.property("iac.kustomizations", Integer.toString(kustomizations.size()));
        }
        List<String> files = new ArrayList<>(new TreeSet<>(kubernetesFiles));
        files.removeAll(consumed);
        NamespaceCoverage coverage = new NamespaceCoverage();
        rendered.forEach(coverage::add);
        built.forEach(coverage::add);
        for (String path : files) {
            KubernetesObjects.read(path, documentsOf(path)).forEach(coverage::add);
        }
        Map<String, Object> memo = new ConcurrentHashMap<>();
        memo.put(NamespaceCoverage.MEMO_KEY, coverage);
        checkObjects(rendered, memo, sink, reported);
        checkObjects(built, memo, sink, reported);
        for (String path : files) {
            checkObjects(KubernetesObjects.read(path, documentsOf(path)), memo, sink, reported);
        }
    }

    private void checkObjects(List<IacResource> objects, Map<String, Object> memo, FindingSink sink,
            Set<String> reported) {
        for (IacResource object : objects) {
            for (IacRule rule : kubernetesRulesOf(object.type())) {
                report(rule, new ResourceTarget(object, objects, memo), object.line(), suppressionsOf(object.path()),
                        sink, reported);
            }
        }
    }

    /**
     * The Kubernetes rules that may match an object of {@code kind} (those of its kind and those of any kind), in
     * catalog order: worked out once per kind, instead of asking every rule about every object. {@link #finish} runs
     * on one thread.
     */
    private final Map<String, List<IacRule>> kubernetesRulesByKind = new HashMap<>();

    private List<IacRule> kubernetesRulesOf(String kind) {
        return kubernetesRulesByKind.computeIfAbsent(kind, k -> rulesOf(IacPlatform.KUBERNETES).stream()
                .filter(rule -> rule.resourceTypes().isEmpty() || rule.resourceTypes().contains(k)).toList());
    }

    /** The YAML documents of Kubernetes and patch files by path, read from the spool when a kustomization asks. */
    private final class SpooledYaml extends java.util.AbstractMap<String, List<IacNode>> {
        @Override
        public boolean containsKey(Object path) {
            return kubernetesFiles.contains(path) || patchFiles.contains(path);
        }

        @Override
        public List<IacNode> get(Object path) {
            return containsKey(path) ? documentsOf((String) path) : null;
        }

        @Override
        public Set<Map.Entry<String, List<IacNode>>> entrySet() {
            throw new UnsupportedOperationException("read one file at a time");
        }
    }

    private static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** Whether a path lies in a {@code templates/} directory, where Helm keeps a chart's templates. */
    static boolean isHelmTemplatePath(String path) {
        return path.startsWith("templates/") || path.contains("/templates/");
    }

    /**
     * Renders the Helm templates of every chart found and returns their objects; templates outside a chart, and those
     * the renderer cannot handle (with a warning naming chart, template and reason), are checked as written.
     */
    private List<IacResource> renderHelmCharts(FindingSink sink) {
        List<IacResource> objects = new ArrayList<>();
        Map<String, Map<String, String>> byChart = new TreeMap<>();
        for (Map.Entry<String, String> template : new TreeMap<>(helmTemplates).entrySet()) {
            String chart = HelmCharts.chartOf(template.getKey(), helmCharts.keySet());
            if (chart == null) {
                scanAsWritten(template.getKey(), template.getValue(), sink);
            } else {
                byChart.computeIfAbsent(chart, c -> new TreeMap<>()).put(template.getKey(), template.getValue());
            }
        }
        int rendered = 0;
        int warnings = 0;
        for (Map.Entry<String, Map<String, String>> chart : byChart.entrySet()) {
            String parent = HelmCharts.parentOf(chart.getKey());
            HelmCharts.Result result = HelmCharts.render(new HelmCharts.Chart(chart.getKey(),
                    helmCharts.get(chart.getKey()), helmValues.get(chart.getKey()), chart.getValue(),
                    parent != null && helmCharts.containsKey(parent) ? helmValues.get(parent) : null));
            objects.addAll(result.objects());
            rendered += result.rendered().size();
            result.rendered().forEach(path -> suppressions.put(path,
                    InlineSuppressions.of(path, chart.getValue().get(path))));
            for (Map.Entry<String, String> skipped : result.skipped().entrySet()) {
                sink.skipped("Helm template not rendered (outside the supported template subset)");
                if (warnings++ < MAX_NOTES) {
                    sink.warning("Helm chart " + (chart.getKey().isEmpty() ? "." : chart.getKey()) + ": "
                            + skipped.getKey() + " not rendered (" + skipped.getValue() + "); checked as written");
                }
                scanAsWritten(skipped.getKey(), chart.getValue().get(skipped.getKey()), sink);
            }
        }
        if (!helmCharts.isEmpty()) {
            sink.property("iac.helm.templatesRendered", Integer.toString(rendered));
        }
        return objects;
    }

    /** A template checked as it is: its Kubernetes documents if it parses as YAML, else counted as skipped. */
    private void scanAsWritten(String path, String text, FindingSink sink) {
        if (path.endsWith(".tpl") || !(path.endsWith(".yaml") || path.endsWith(".yml"))) {
            return;
        }
        try {
            List<IacNode> documents = YamlDocuments.parse(text);
            if (KubernetesObjects.isKubernetes(documents)) {
                keepKubernetes(path, text, documents);
            }
        } catch (IacParseException e) {
            sink.skipped("unrendered template (Helm or similar): render it and scan the output");
        }
    }

    private void evaluateUnit(List<IacResource> declared, InlineSuppressions inline, FindingSink sink) {
        Set<String> reported = new HashSet<>();
        List<IacResource> unit = List.copyOf(declared);
        Map<String, List<IacResource>> byType = byType(unit);
        Map<String, Object> memo = new ConcurrentHashMap<>();
        Set<IacPlatform> platforms = EnumSet.noneOf(IacPlatform.class);
        unit.forEach(resource -> platforms.add(resource.platform()));
        // A rule of a platform no resource of the unit has cannot match: only the others are tried, in catalog order.
        for (IacRule rule : platforms.size() == 1 ? rulesOf(platforms.iterator().next()) : rules) {
            if (!platforms.contains(rule.platform())) {
                continue;
            }
            for (IacResource resource : candidates(rule, unit, byType)) {
                if (rule.platform() == resource.platform()) {
                    report(rule, new ResourceTarget(resource, unit, memo), resource.line(), inline, sink, reported);
                }
            }
        }
    }

    /** The resources of a unit by type (or kind), so that a rule about some types sees only those. */
    private static Map<String, List<IacResource>> byType(List<IacResource> unit) {
        Map<String, List<IacResource>> index = new HashMap<>();
        for (IacResource resource : unit) {
            index.computeIfAbsent(resource.type(), t -> new ArrayList<>()).add(resource);
        }
        return index;
    }

    /** The resources a rule can match: those of its types, in unit order, or the whole unit. */
    private static List<IacResource> candidates(IacRule rule, List<IacResource> unit,
            Map<String, List<IacResource>> byType) {
        if (rule.resourceTypes().isEmpty()) {
            return unit;
        }
        if (rule.resourceTypes().size() == 1) {
            return byType.getOrDefault(rule.resourceTypes().iterator().next(), List.of());
        }
        List<IacResource> candidates = new ArrayList<>();
        for (IacResource resource : unit) {
            if (rule.resourceTypes().contains(resource.type())) {
                candidates.add(resource);
            }
        }
        return candidates;
    }

    private void evaluate(List<Dockerfile> dockerfiles, InlineSuppressions inline, FindingSink sink) {
        Set<String> reported = new HashSet<>();
        for (IacRule rule : rulesOf(IacPlatform.DOCKERFILE)) {
            for (Dockerfile dockerfile : dockerfiles) {
                report(rule, dockerfile, 0, inline, sink, reported);
            }
        }
    }

    private InlineSuppressions suppressionsOrEmpty(String path) {
        InlineSuppressions found = suppressionsOf(path);
        return found != null ? found : InlineSuppressions.of(path, "");
    }

    private void report(IacRule rule, RuleTarget target, int resourceLine, InlineSuppressions inline,
            FindingSink sink, Set<String> reported) {
        RuleHits hits = new RuleHits();
        try {
            rule.check().check(target, hits);
        } catch (RuntimeException e) {
            sink.error(target.path(), "Rule " + rule.id() + " failed: " + ParserErrors.describe(e));
            return;
        }
        for (RuleHit hit : hits.hits()) {
            InlineSuppressions suppressionsOfFile = hit.path().equals(target.path()) && inline != null ? inline
                    : suppressionsOrEmpty(hit.path());
            String key = rule.id() + '\u0000' + hit.path() + '\u0000' + hit.line() + '\u0000' + hit.address()
                    + '\u0000' + hit.attribute();
            if (reported.add(key)) {
                Finding finding = IacFindings.create(rule, hit, resourceLine == 0 ? hit.line() : resourceLine,
                        suppressionsOfFile, target instanceof ResourceTarget resourceTarget ? resourceTarget.resource()
                                : null);
                sink.report(finding);
            }
        }
    }
}
