package io.jenkins.plugins.devsecops.sast;

import io.jenkins.plugins.devsecops.fingerprint.FindingFingerprints;
import io.jenkins.plugins.devsecops.model.Confidence;
import io.jenkins.plugins.devsecops.model.Finding;
import io.jenkins.plugins.devsecops.model.Location;
import io.jenkins.plugins.devsecops.model.Severity;
import io.jenkins.plugins.devsecops.model.TraceStep;
import io.jenkins.plugins.devsecops.sast.rules.SyntaxFinding;
import io.jenkins.plugins.devsecops.sast.taint.FlowFinding;
import io.jenkins.plugins.devsecops.sast.taint.ModelFile;
import io.jenkins.plugins.devsecops.sast.taint.TaintModels;

/**
 * Turns analysis results into report findings. Fingerprints name the rule, file, method, the sink's call and the
 * source's call, never line numbers, so they survive unrelated edits.
 */
final class SastFindings {

    private SastFindings() {
    }

    static Finding fromFlow(FlowFinding flow, TaintModels models) {
        Location sink = new Location(flow.path(), flow.line(), 0, flow.line(), 0, null);
        Finding.Builder builder = Finding.builder()
                .stage(SastStage.ID)
                .ruleId(flow.rule())
                .location(sink)
                .trace(flow.trace())
                .property("method", flow.method())
                .property("sink", flow.call());
        TraceStep first = flow.trace().isEmpty() ? null : flow.trace().get(0);
        String sourceText = first == null ? flow.source() : first.message();
        if (flow.check() != null) {
            ModelFile.CheckModel check = flow.check();
            builder.severity(Severity.parse(check.severity()))
                    .title(check.title())
                    .message(check.title() + ": " + (first == null ? flow.call() : first.message())
                            + " in " + flow.method())
                    .cwe(check.cwe())
                    .remediation(check.remediation())
                    .confidence(Confidence.HIGH);
            if (flow.source() != null) {
                builder.property("value", flow.source());
            }
        } else {
            ModelFile.KindModel kind = models.kinds().get(flow.kind());
            builder.severity(kind == null ? Severity.HIGH : Severity.parse(kind.severity()))
                    .title(kind == null ? flow.kind() : kind.title())
                    .message((kind == null ? flow.kind() : kind.title()) + ": data from " + sourceText
                            + " reaches " + flow.call() + " in " + flow.method()
                            + (flow.trace().size() > 2 ? " (" + (flow.trace().size() - 2) + " steps between)" : ""))
                    .cwe(kind == null ? null : kind.cwe())
                    .remediation(kind == null ? null : kind.remediation())
                    .confidence(flow.remote() ? Confidence.HIGH : Confidence.MEDIUM)
                    .property("source", flow.source());
            if (first != null) {
                builder.property("sourceLocation", first.location().toString());
            }
        }
        builder.fingerprint(FindingFingerprints.sha256(String.join("\u0000", SastStage.ID, flow.rule(), flow.path(),
                flow.method(), flow.call(), first == null ? "" : first.location().path(),
                first == null ? "" : stripLine(first.message()))));
        return builder.build();
    }

    private static String stripLine(String message) {
        return message;
    }

    static Finding fromSyntax(SyntaxFinding hit) {
        return Finding.builder()
                .stage(SastStage.ID)
                .ruleId(hit.rule().id())
                .severity(hit.rule().severity())
                .title(hit.rule().title())
                .message(hit.rule().title() + ": " + hit.detail())
                .location(new Location(hit.path(), hit.line(), 0, hit.line(), 0, null))
                .cwe(hit.rule().cwe())
                .remediation(hit.rule().remediation())
                .property("method", hit.method())
                .fingerprint(FindingFingerprints.sha256(String.join("\u0000", SastStage.ID, hit.rule().id(),
                        hit.path(), hit.method(), hit.detail())))
                .build();
    }
}
