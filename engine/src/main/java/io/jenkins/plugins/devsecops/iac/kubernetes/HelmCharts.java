package io.jenkins.plugins.devsecops.iac.kubernetes;

import io.jenkins.plugins.devsecops.iac.kubernetes.HelmTemplate.UnsupportedTemplateException;
import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import io.jenkins.plugins.devsecops.iac.yaml.YamlDocuments;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the Helm charts of a scan with their default {@code values.yaml}, like {@code helm template} with no
 * overrides: release {@code release-name} in namespace {@code default}. Each template's objects keep pointing at the
 * template's lines. A template the subset renderer cannot handle is reported as not rendered, with the reason, and is
 * left to be checked as it is.
 */
public final class HelmCharts {

    /** The release name charts are rendered with. */
    public static final String RELEASE = "release-name";

    /** What rendering produced: objects per template, the templates rendered, and a note per template skipped. */
    public record Result(List<IacResource> objects, List<String> rendered, Map<String, String> skipped) {
    }

    /**
     * One chart's files.
     *
     * @param parentValuesYaml for a subchart ({@code parent/charts/name}), the parent's {@code values.yaml}, whose
     *        {@code name} section and {@code global} section override the subchart's defaults; else {@code null}
     */
    public record Chart(String directory, String chartYaml, String valuesYaml, Map<String, String> templates,
            String parentValuesYaml) {
    }

    /** The parent chart directory of a subchart directory ({@code p/charts/name}), or {@code null}. */
    public static String parentOf(String directory) {
        int at = directory.lastIndexOf("/charts/");
        String parent;
        String name;
        if (at >= 0) {
            parent = directory.substring(0, at);
            name = directory.substring(at + "/charts/".length());
        } else if (directory.startsWith("charts/")) {
            parent = "";
            name = directory.substring("charts/".length());
        } else {
            return null;
        }
        return name.isEmpty() || name.contains("/") ? null : parent;
    }

    /** The chart directory of a template path, among {@code chartDirectories}, or {@code null}. */
    public static String chartOf(String path, java.util.Collection<String> chartDirectories) {
        String best = null;
        for (String directory : chartDirectories) {
            String prefix = directory.isEmpty() ? "templates/" : directory + "/templates/";
            if (path.startsWith(prefix) && (best == null || directory.length() > best.length())) {
                best = directory;
            }
        }
        return best;
    }

    /** Renders one chart. */
    public static Result render(Chart chart) {
        List<IacResource> objects = new ArrayList<>();
        List<String> rendered = new ArrayList<>();
        Map<String, String> skipped = new TreeMap<>();
        Map<String, Object> root;
        try {
            root = root(chart);
        } catch (IacParseException e) {
            chart.templates().keySet().forEach(t -> skipped.put(t, "Chart.yaml or values.yaml is not valid YAML"));
            return new Result(objects, rendered, skipped);
        }
        Map<String, List<HelmTemplate.Node>> defines = new HashMap<>();
        Map<String, List<HelmTemplate.Node>> parsed = new TreeMap<>();
        for (Map.Entry<String, String> template : new TreeMap<>(chart.templates()).entrySet()) {
            try {
                parsed.put(template.getKey(), HelmTemplate.parse(template.getValue(), defines));
            } catch (UnsupportedTemplateException e) {
                skipped.put(template.getKey(), e.getMessage());
            }
        }
        for (Map.Entry<String, List<HelmTemplate.Node>> template : parsed.entrySet()) {
            String path = template.getKey();
            String name = path.substring(path.lastIndexOf('/') + 1);
            if (name.startsWith("_") || !(name.endsWith(".yaml") || name.endsWith(".yml"))) {
                continue;
            }
            try {
                Map<String, Object> context = new LinkedHashMap<>(root);
                context.put("Template", Map.of("Name", path, "BasePath", chart.directory() + "/templates"));
                HelmRenderer.Rendered output = HelmRenderer.render(template.getValue(), defines, context);
                List<IacNode> documents = new ArrayList<>();
                for (IacNode document : YamlDocuments.parse(output.text())) {
                    documents.add(remap(document, output.lines()));
                }
                String chartName = chart.directory().isEmpty() ? "." : chart.directory();
                for (IacResource object : KubernetesObjects.read(path, documents)) {
                    objects.add(object.withAddress(object.address() + " (helm " + chartName + ")"));
                }
                rendered.add(path);
            } catch (UnsupportedTemplateException e) {
                skipped.put(path, e.getMessage());
            } catch (IacParseException e) {
                skipped.put(path, "rendered output is not valid YAML (" + e.getMessage() + ")");
            }
        }
        return new Result(objects, rendered, skipped);
    }

    private static Map<String, Object> root(Chart chart) throws IacParseException {
        Map<String, Object> root = new LinkedHashMap<>();
        Object values = chart.valuesYaml() == null ? null : firstDocument(chart.valuesYaml());
        Map<String, Object> merged = values instanceof Map<?, ?> map ? copy(map) : new LinkedHashMap<>();
        if (chart.parentValuesYaml() != null
                && firstDocument(chart.parentValuesYaml()) instanceof Map<?, ?> parent) {
            String name = chart.directory().substring(chart.directory().lastIndexOf('/') + 1);
            if (parent.get(name) instanceof Map<?, ?> section) {
                merged = overlay(merged, section);
            }
            if (parent.get("global") instanceof Map<?, ?> global) {
                merged.put("global", overlay(merged.get("global") instanceof Map<?, ?> own ? copy(own)
                        : new LinkedHashMap<>(), global));
            }
        }
        root.put("Values", merged);
        Map<String, Object> chartFields = new LinkedHashMap<>();
        if (firstDocument(chart.chartYaml()) instanceof Map<?, ?> meta) {
            meta.forEach((k, v) -> {
                String key = String.valueOf(k);
                chartFields.put(key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1), v);
            });
        }
        root.put("Chart", chartFields);
        root.put("Release", Map.of("Name", RELEASE, "Namespace", "default", "Service", "Helm", "IsInstall", true,
                "IsUpgrade", false, "Revision", 1L));
        root.put("Capabilities", Map.of("KubeVersion", Map.of("Version", "v1.30.0", "GitVersion", "v1.30.0",
                "Major", "1", "Minor", "30"), "APIVersions", List.of(), "HelmVersion", Map.of("Version", "v3.15.0")));
        root.put("Files", Map.of());
        return root;
    }

    private static Map<String, Object> copy(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return copy;
    }

    /** {@code base} with {@code over} merged in, maps recursively, as Helm merges values. */
    private static Map<String, Object> overlay(Map<String, Object> base, Map<?, ?> over) {
        Map<String, Object> result = new LinkedHashMap<>(base);
        over.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (v instanceof Map<?, ?> nested && result.get(key) instanceof Map<?, ?> existing) {
                result.put(key, overlay(copy(existing), nested));
            } else {
                result.put(key, v);
            }
        });
        return result;
    }

    private static Object firstDocument(String text) throws IacParseException {
        List<IacNode> documents = YamlDocuments.parse(text);
        return documents.isEmpty() ? null : HelmValues.of(documents.get(0));
    }

    /** The tree with every rendered line replaced by the template line it came from. */
    private static IacNode remap(IacNode node, List<Integer> lines) {
        return ManifestEdits.relined(node, line -> line >= 1 && line <= lines.size() ? lines.get(line - 1) : 0);
    }
}
