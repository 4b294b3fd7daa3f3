package io.jenkins.plugins.devsecops.iac;

import io.jenkins.plugins.devsecops.iac.model.IacNode;
import io.jenkins.plugins.devsecops.iac.model.IacPlatform;
import io.jenkins.plugins.devsecops.iac.model.IacResource;
import io.jenkins.plugins.devsecops.model.Suppression;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checkov's way of skipping checks on a Kubernetes object: annotations {@code checkov.io/skip1: CKV_K8S_20=reason}
 * (or just the id) in the object's {@code metadata.annotations}.
 */
final class CheckovAnnotations {

    private static final String PREFIX = "checkov.io/skip";

    private CheckovAnnotations() {
    }

    /** The suppression an annotation of {@code object} gives a finding with Checkov ids {@code ids}. */
    static Optional<Suppression> find(IacResource object, List<String> ids, String path) {
        if (object == null || ids.isEmpty() || object.platform() != IacPlatform.KUBERNETES) {
            return Optional.empty();
        }
        Optional<IacNode> annotations = object.body().first("metadata.annotations");
        if (annotations.isEmpty() || !(annotations.get() instanceof IacNode.Mapping mapping)) {
            return Optional.empty();
        }
        for (Map.Entry<String, IacNode> entry : mapping.entries().entrySet()) {
            if (!entry.getKey().startsWith(PREFIX) || !(entry.getValue() instanceof IacNode.Scalar value)) {
                continue;
            }
            String text = value.text().strip();
            int equals = text.indexOf('=');
            String id = (equals < 0 ? text : text.substring(0, equals)).strip();
            String reason = equals < 0 ? "" : text.substring(equals + 1).strip();
            if (ids.stream().anyMatch(id::equalsIgnoreCase)) {
                return Optional.of(new Suppression("inline", reason.isEmpty() ? "skipped by Checkov annotation" : reason,
                        null, null, path + ":" + value.line()));
            }
        }
        return Optional.empty();
    }
}
