package io.jenkins.plugins.devsecops.sast.taint;

import io.jenkins.plugins.devsecops.model.TraceStep;
import java.util.List;

/**
 * A finding of the analysis before it becomes a report {@code Finding}.
 *
 * @param rule the rule id
 * @param kind the sink kind for taint findings, null for value checks
 * @param path the file of the sink
 * @param line the line of the sink
 * @param method the method (Owner.name) holding the sink
 * @param call what is called at the sink, e.g. {@code Statement.executeQuery}
 * @param source the source's id (taint findings) or the weak value (checks)
 * @param remote whether the source is remote
 * @param trace the steps from source to sink
 * @param check the check's model, for value checks
 */
public record FlowFinding(String rule, String kind, String path, int line, String method, String call, String source,
        boolean remote, List<TraceStep> trace, ModelFile.CheckModel check) {

    public FlowFinding {
        trace = List.copyOf(trace);
    }
}
