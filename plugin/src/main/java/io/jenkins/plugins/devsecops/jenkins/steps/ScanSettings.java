package io.jenkins.plugins.devsecops.jenkins.steps;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent scans: the engine request's inputs in a form that crosses the remoting channel. Holds no secret:
 * credentials are resolved on the controller and handed to stages through {@link #sensitiveOptions}, which are
 * never written to the console, the build record or the report.
 */
public final class ScanSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final List<String> stages;
    private final List<String> includes;
    private final List<String> excludes;
    private final Map<String, String> options;
    private final Map<String, String> sensitiveOptions;

    ScanSettings(List<String> stages, List<String> includes, List<String> excludes, Map<String, String> options,
            Map<String, String> sensitiveOptions) {
        this.stages = new ArrayList<>(stages);
        this.includes = new ArrayList<>(includes);
        this.excludes = new ArrayList<>(excludes);
        this.options = new LinkedHashMap<>(options);
        this.sensitiveOptions = new LinkedHashMap<>(sensitiveOptions);
    }

    public List<String> getStages() {
        return List.copyOf(stages);
    }

    public List<String> getIncludes() {
        return List.copyOf(includes);
    }

    public List<String> getExcludes() {
        return List.copyOf(excludes);
    }

    /** Stage options named {@code <stage>.<option>}; safe to print. */
    public Map<String, String> getOptions() {
        return Map.copyOf(options);
    }

    Map<String, String> getSensitiveOptions() {
        return Map.copyOf(sensitiveOptions);
    }

    @Override
    public String toString() {
        return "stages=" + (stages.isEmpty() ? "(defaults)" : String.join(",", stages)) + ", includes=" + includes
                + ", excludes=" + excludes + ", options=" + options;
    }
}
