package io.jenkins.plugins.devsecops.iac.terraform;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Consumer;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns parsed Terraform files into resources, one unit per module instance: files are grouped by directory, variable
 * defaults and locals are substituted, modules called from inside the repository with a relative {@code source}
 * are evaluated with the caller's arguments under the address prefix {@code module.<name>.}, and resources whose
 * {@code count} is statically 0 or whose {@code for_each} is statically empty are left out.
 */
public final class TerraformModules {

    private static final int MAX_MODULE_DEPTH = 8;
    private static final int MAX_RESOLVE_DEPTH = 16;
    private static final int MAX_INSTANCES = 64;

    /** Most module instances evaluated in one scan: modules calling modules fan out exponentially. */
    static final int MAX_MODULE_INSTANCES = 256;

    /** Most values substitution may create in one scan: locals that reference each other double at every step. */
    static final int MAX_NODES = 2_000_000;

    /** Longest string an interpolation may produce. */
    static final int MAX_STRING = 64 * 1024;

    private int moduleInstances;
    private long nodes;
    private final Set<String> limits = new java.util.LinkedHashSet<>();
    private static final String NAME = "[A-Za-z_][A-Za-z0-9_-]*";
    private static final String REFERENCE_TEXT = "(?:var\\." + NAME + "|local\\." + NAME + "|each\\.key|each\\.value(?:\\."
            + NAME + ")?|count\\.index)";
    private static final Pattern REFERENCE = Pattern.compile(REFERENCE_TEXT);
    private static final Pattern INTERPOLATED = Pattern.compile("\\$\\{\\s*(" + REFERENCE_TEXT + ")\\s*}");

    /**
     * Where the parsed files come from: the module blocks of every file up front (they decide which directories are
     * roots and which modules are not in the tree), and the blocks of one directory at a time when it is evaluated,
     * so that a caller may keep the files out of memory until then.
     */
    public interface Files {
        /** The module blocks of every Terraform file, by directory, then by path. */
        SortedMap<String, SortedMap<String, List<ModuleBlock>>> moduleBlocks();

        /** The parsed files of one directory, by path in path order. */
        SortedMap<String, List<HclBlock>> load(String directory);
    }

    /**
     * A {@code module} block as far as the choice of units needs it.
     *
     * @param name its label
     * @param line the line of its header
     * @param source its {@code source} value, or null when it has none that is a scalar
     */
    public record ModuleBlock(String name, int line, IacNode.Scalar source) {

        /** The module blocks among a file's blocks. */
        public static List<ModuleBlock> of(List<HclBlock> blocks) {
            List<ModuleBlock> modules = new ArrayList<>();
            for (HclBlock block : blocks) {
                if (block.type().equals("module")) {
                    modules.add(new ModuleBlock(block.label(0), block.line(), block.body().scalar("source").orElse(null)));
                }
            }
            return modules.isEmpty() ? List.of() : List.copyOf(modules);
        }
    }

    private static final int CACHED_DIRECTORIES = 32;

    private final SortedMap<String, SortedMap<String, List<ModuleBlock>>> moduleBlocks;
    private final Files files;
    /** The directories loaded last: a module called from many places is read once for all of them. */
    private final Map<String, SortedMap<String, List<HclBlock>>> loaded =
            new LinkedHashMap<>(CACHED_DIRECTORIES * 2, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SortedMap<String, List<HclBlock>>> eldest) {
                    return size() > CACHED_DIRECTORIES;
                }
            };

    /**
     * @param files parsed files by path relative to the scan root
     */
    public TerraformModules(Map<String, List<HclBlock>> files) {
        this(inMemory(files));
    }

    /**
     * @param files the parsed files, read one directory at a time
     */
    public TerraformModules(Files files) {
        this.files = files;
        this.moduleBlocks = files.moduleBlocks();
    }

    private static Files inMemory(Map<String, List<HclBlock>> files) {
        SortedMap<String, SortedMap<String, List<HclBlock>>> byDirectory = new TreeMap<>();
        files.forEach((path, blocks) -> byDirectory
                .computeIfAbsent(directoryOf(path), d -> new TreeMap<>()).put(path, blocks));
        SortedMap<String, SortedMap<String, List<ModuleBlock>>> modules = new TreeMap<>();
        byDirectory.forEach((directory, paths) -> {
            SortedMap<String, List<ModuleBlock>> ofDirectory = new TreeMap<>();
            paths.forEach((path, blocks) -> ofDirectory.put(path, ModuleBlock.of(blocks)));
            modules.put(directory, ofDirectory);
        });
        return new Files() {
            @Override
            public SortedMap<String, SortedMap<String, List<ModuleBlock>>> moduleBlocks() {
                return modules;
            }

            @Override
            public SortedMap<String, List<HclBlock>> load(String directory) {
                return byDirectory.get(directory);
            }
        };
    }

    private SortedMap<String, List<HclBlock>> blocksOf(String directory) {
        SortedMap<String, List<HclBlock>> blocks = loaded.get(directory);
        if (blocks == null) {
            blocks = files.load(directory);
            loaded.put(directory, blocks);
        }
        return blocks;
    }

    /** Public for the stage: the directory part of a path relative to the scan root. */
    public static String directoryOf(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /**
     * What evaluation left out because it reached a budget (module instances, substituted values, string length),
     * one sentence each; empty when everything was evaluated. Filled by {@link #units()}.
     */
    public List<String> warnings() {
        return List.copyOf(limits);
    }

    /** Whether substitution may still create values; notes the limit when it may not. */
    private boolean spend(long count) {
        nodes += count;
        if (nodes > MAX_NODES) {
            limits.add("Terraform evaluation stopped substituting variables and locals after " + MAX_NODES
                    + " values (references that grow at every step): the rest was checked as written");
            return false;
        }
        return true;
    }

    /** Every module instance's resources. */
    public List<List<IacResource>> units() {
        List<List<IacResource>> units = new ArrayList<>();
        forEachUnit(units::add);
        return units;
    }

    /**
     * Hands every module instance's resources to {@code consumer} as soon as the instance is evaluated, in the order
     * of {@link #units()}; only the directories on the way to it are held meanwhile.
     */
    public void forEachUnit(Consumer<List<IacResource>> consumer) {
        Set<String> called = new HashSet<>();
        for (String directory : moduleBlocks.keySet()) {
            for (String target : callTargets(directory)) {
                called.add(target);
            }
        }
        for (String directory : moduleBlocks.keySet()) {
            if (!called.contains(directory)) {
                evaluate(directory, Map.of(), "", 0, consumer);
            }
        }
    }

    /** The directories a directory calls as local modules of the tree. */
    private List<String> callTargets(String directory) {
        List<String> targets = new ArrayList<>();
        for (List<ModuleBlock> blocks : moduleBlocks.get(directory).values()) {
            for (ModuleBlock block : blocks) {
                if (block.source() == null) {
                    continue;
                }
                String source = block.source().text();
                if (source.startsWith("./") || source.startsWith("../")) {
                    String target = normalize(directory, source);
                    if (moduleBlocks.containsKey(target)) {
                        targets.add(target);
                    }
                }
            }
        }
        return targets;
    }

    private record ModuleCall(String name, String target, IacNode.Mapping arguments) {
    }

    /**
     * A module call whose code is not in the scanned tree, so that its resources are not checked.
     *
     * @param path the file of the {@code module} block
     * @param line the line of the block
     * @param name the module name
     * @param source the {@code source} as written (query strings and credentials are dropped)
     * @param kind where the code lives: {@code registry}, {@code git}, {@code http}, {@code bucket} or {@code local}
     */
    public record UnscannedModule(String path, int line, String name, String source, String kind) {
    }

    /**
     * Every module call whose source is not a directory of the scanned tree: registry modules, git, HTTP and bucket
     * URLs, and local paths that lead outside the tree or to a directory without Terraform files.
     */
    public List<UnscannedModule> unscannedModules() {
        List<UnscannedModule> result = new ArrayList<>();
        for (Map.Entry<String, SortedMap<String, List<ModuleBlock>>> directory : moduleBlocks.entrySet()) {
            for (Map.Entry<String, List<ModuleBlock>> file : directory.getValue().entrySet()) {
                for (ModuleBlock block : file.getValue()) {
                    IacNode.Scalar source = block.source();
                    if (source == null || !source.isLiteral()) {
                        continue;
                    }
                    String text = source.text().trim();
                    boolean local = text.startsWith("./") || text.startsWith("../");
                    if (local && moduleBlocks.containsKey(normalize(directory.getKey(), text))) {
                        continue;
                    }
                    result.add(new UnscannedModule(file.getKey(), block.line(), block.name(), display(text),
                            kindOf(text)));
                }
            }
        }
        return result;
    }

    private static String kindOf(String source) {
        String lower = source.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("./") || lower.startsWith("../") || lower.startsWith("/")) {
            return "local";
        }
        if (lower.startsWith("git::") || lower.startsWith("git@") || lower.startsWith("github.com/")
                || lower.startsWith("bitbucket.org/") || lower.contains(".git?") || lower.endsWith(".git")
                || lower.startsWith("hg::")) {
            return "git";
        }
        if (lower.startsWith("s3::") || lower.startsWith("gcs::")) {
            return "bucket";
        }
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            return "http";
        }
        return "registry";
    }

    /** The source without a query string or user information, which may hold tokens. */
    private static String display(String source) {
        String text = source;
        int query = text.indexOf('?');
        if (query >= 0) {
            text = text.substring(0, query);
        }
        text = text.replaceAll("//[^/@\\s]+@", "//");
        return text.length() > 200 ? text.substring(0, 200) + "\u2026" : text;
    }

    private List<ModuleCall> calls(String directory, SortedMap<String, List<HclBlock>> files) {
        List<ModuleCall> calls = new ArrayList<>();
        for (List<HclBlock> blocks : files.values()) {
            for (HclBlock block : blocks) {
                if (block.type().equals("module")) {
                    block.body().text("source").filter(s -> s.startsWith("./") || s.startsWith("../"))
                            .map(source -> normalize(directory, source))
                            .filter(moduleBlocks::containsKey)
                            .ifPresent(target -> calls.add(new ModuleCall(block.label(0), target, block.body())));
                }
            }
        }
        return calls;
    }

    private static String normalize(String directory, String source) {
        List<String> parts = new ArrayList<>(directory.isEmpty() ? List.of() : List.of(directory.split("/")));
        for (String segment : source.split("/")) {
            if (segment.equals("..")) {
                if (parts.isEmpty()) {
                    return "\u0000outside";
                }
                parts.remove(parts.size() - 1);
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                parts.add(segment);
            }
        }
        return String.join("/", parts);
    }

    private void evaluate(String directory, Map<String, IacNode> arguments, String prefix, int depth,
            Consumer<List<IacResource>> units) {
        if (depth > MAX_MODULE_DEPTH) {
            return;
        }
        if (++moduleInstances > MAX_MODULE_INSTANCES) {
            limits.add("More than " + MAX_MODULE_INSTANCES + " Terraform module instances (modules calling modules):"
                    + " the rest were not evaluated");
            return;
        }
        SortedMap<String, List<HclBlock>> files = blocksOf(directory);
        Map<String, IacNode> scope = new LinkedHashMap<>();
        Map<String, IacNode> locals = new LinkedHashMap<>();
        for (List<HclBlock> blocks : files.values()) {
            for (HclBlock block : blocks) {
                if (block.type().equals("variable")) {
                    IacNode value = arguments.get(block.label(0));
                    if (value == null) {
                        value = block.body().get("default").orElse(null);
                    }
                    if (value != null) {
                        scope.put("var." + block.label(0), value);
                    }
                } else if (block.type().equals("locals")) {
                    block.body().entries().forEach((key, value) -> locals.put("local." + key, value));
                }
            }
        }
        scope.putAll(locals);
        for (int pass = 0; pass < 3; pass++) {
            Map<String, IacNode> resolved = new LinkedHashMap<>();
            scope.forEach((key, value) -> resolved.put(key, resolve(value, scope, 0)));
            scope.putAll(resolved);
        }
        List<IacResource> unit = new ArrayList<>();
        for (Map.Entry<String, List<HclBlock>> file : files.entrySet()) {
            for (HclBlock block : file.getValue()) {
                IacResource resource = toResource(file.getKey(), block, prefix);
                if (resource == null) {
                    continue;
                }
                IacNode.Mapping body = (IacNode.Mapping) resolve(block.body(), scope, 0);
                if (staticallyAbsent(body)) {
                    continue;
                }
                List<Instance> instances = instances(body);
                if (instances.isEmpty()) {
                    unit.add(resource.withBody(body));
                }
                for (Instance instance : instances) {
                    unit.add(resource.withAddress(resource.address() + instance.suffix())
                            .withBody((IacNode.Mapping) resolve(body, instance.scope(), 0)));
                }
            }
        }
        units.accept(unit);
        for (ModuleCall call : calls(directory, files)) {
            if (call.target().equals(directory)) {
                continue;
            }
            if (moduleInstances >= MAX_MODULE_INSTANCES) {
                limits.add("More than " + MAX_MODULE_INSTANCES + " Terraform module instances (modules calling"
                        + " modules): the rest were not evaluated");
                break;
            }
            IacNode.Mapping resolvedArguments = (IacNode.Mapping) resolve(call.arguments(), scope, 0);
            evaluate(call.target(), resolvedArguments.entries(), prefix + "module." + call.name() + ".", depth + 1,
                    units);
        }
    }

    private static IacResource toResource(String path, HclBlock block, String prefix) {
        return switch (block.type()) {
            case "resource" -> new IacResource(IacPlatform.TERRAFORM, "resource", block.label(0), block.label(1),
                    prefix + block.label(0) + "." + block.label(1), path, block.line(), block.body());
            case "data" -> new IacResource(IacPlatform.TERRAFORM, "data", block.label(0), block.label(1),
                    prefix + "data." + block.label(0) + "." + block.label(1), path, block.line(), block.body());
            case "provider" -> new IacResource(IacPlatform.TERRAFORM, "provider", "provider." + block.label(0),
                    block.label(0), prefix + "provider." + block.label(0), path, block.line(), block.body());
            default -> null;
        };
    }

    private static boolean staticallyAbsent(IacNode.Mapping body) {
        if (body.get("count").orElse(null) instanceof IacNode.Scalar count && count.isLiteral()
                && count.text().trim().equals("0")) {
            return true;
        }
        IacNode forEach = body.get("for_each").orElse(null);
        return forEach instanceof IacNode.Mapping m && m.entries().isEmpty()
                || forEach instanceof IacNode.Sequence s && s.items().isEmpty();
    }

    /** The value a reference names in a scope, following {@code each.value.<attribute>} into objects. */
    private static IacNode lookup(Map<String, IacNode> scope, String reference) {
        if (reference.startsWith("each.value.")) {
            IacNode value = scope.get("each.value");
            return value instanceof IacNode.Mapping object
                    ? object.get(reference.substring("each.value.".length())).orElse(null) : null;
        }
        return scope.get(reference);
    }

    /** One instance of a resource with {@code count} or {@code for_each}: its address suffix and its references. */
    private record Instance(String suffix, Map<String, IacNode> scope) {
    }

    /** The instances of a resource whose {@code count} or {@code for_each} is statically known, or none. */
    private static List<Instance> instances(IacNode.Mapping body) {
        List<Instance> instances = new ArrayList<>();
        IacNode count = body.get("count").orElse(null);
        if (count instanceof IacNode.Scalar scalar && scalar.kind() == IacNode.ScalarKind.NUMBER) {
            try {
                int n = Integer.parseInt(scalar.text().trim());
                for (int i = 0; i < n && n <= MAX_INSTANCES; i++) {
                    instances.add(new Instance("[" + i + "]", Map.of("count.index",
                            new IacNode.Scalar(Integer.toString(i), IacNode.ScalarKind.NUMBER, scalar.line()))));
                }
            } catch (NumberFormatException e) {
                // not an integer: unknown
            }
            return instances;
        }
        IacNode forEach = body.get("for_each").orElse(null);
        if (forEach instanceof IacNode.Mapping map && map.entries().size() <= MAX_INSTANCES) {
            map.entries().forEach((key, value) -> instances.add(new Instance("[\"" + key + "\"]",
                    Map.of("each.key", IacNode.Scalar.string(key, map.line()), "each.value", value))));
        } else if (forEach instanceof IacNode.Sequence set && set.items().size() <= MAX_INSTANCES) {
            for (IacNode item : set.items()) {
                if (item instanceof IacNode.Scalar key) {
                    instances.add(new Instance("[\"" + key.text() + "\"]", Map.of("each.key", key, "each.value", key)));
                }
            }
        }
        return instances;
    }

    /** The value with every line set to {@code line}: a substituted value is reported where it is used. */
    private IacNode relocate(IacNode node, int line) {
        if (!(node instanceof IacNode.Scalar) && !spend(1)) {
            return node;
        }
        if (node instanceof IacNode.Sequence sequence) {
            return new IacNode.Sequence(sequence.items().stream().map(i -> relocate(i, line)).toList(), line);
        }
        if (node instanceof IacNode.Mapping mapping) {
            Map<String, IacNode> entries = new LinkedHashMap<>();
            mapping.entries().forEach((key, value) -> entries.put(key, relocate(value, line)));
            return new IacNode.Mapping(entries, line);
        }
        return node.atLine(line);
    }

    /** Substitutes {@code var.x} and {@code local.x} where they are the whole value or a whole interpolation. */
    IacNode resolve(IacNode node, Map<String, IacNode> scope, int depth) {
        if (depth > MAX_RESOLVE_DEPTH || nodes > MAX_NODES) {
            return node;
        }
        if (node instanceof IacNode.Scalar scalar) {
            if (scalar.kind() == IacNode.ScalarKind.EXPRESSION) {
                Matcher whole = REFERENCE.matcher(scalar.text().trim());
                if (whole.matches()) {
                    IacNode value = lookup(scope, whole.group());
                    if (value != null && value != node) {
                        return relocate(resolve(value, scope, depth + 1), scalar.line());
                    }
                }
                return scalar;
            }
            if (scalar.kind() == IacNode.ScalarKind.STRING && scalar.text().contains("${")) {
                Matcher matcher = INTERPOLATED.matcher(scalar.text());
                StringBuilder out = new StringBuilder();
                boolean changed = false;
                while (matcher.find()) {
                    IacNode value = lookup(scope, matcher.group(1));
                    if (value instanceof IacNode.Scalar literal && literal.isLiteral()) {
                        matcher.appendReplacement(out, Matcher.quoteReplacement(literal.text()));
                        changed = true;
                    } else {
                        matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group()));
                    }
                    if (out.length() > MAX_STRING) {
                        limits.add("A Terraform string grows beyond " + MAX_STRING + " characters by interpolation:"
                                + " it was checked as written");
                        return scalar;
                    }
                }
                matcher.appendTail(out);
                return changed && spend(1 + out.length() / 64) ? IacNode.Scalar.string(out.toString(), scalar.line())
                        : scalar;
            }
            return scalar;
        }
        if (!spend(1 + (node instanceof IacNode.Sequence sequence ? sequence.items().size()
                : ((IacNode.Mapping) node).entries().size()))) {
            return node;
        }
        if (node instanceof IacNode.Sequence sequence) {
            List<IacNode> items = new ArrayList<>();
            sequence.items().forEach(item -> items.add(resolve(item, scope, depth + 1)));
            return new IacNode.Sequence(items, sequence.line());
        }
        IacNode.Mapping mapping = (IacNode.Mapping) node;
        Map<String, IacNode> entries = new LinkedHashMap<>();
        mapping.entries().forEach((key, value) -> entries.put(key, resolve(value, scope, depth + 1)));
        return new IacNode.Mapping(entries, mapping.line());
    }
}
