package io.jenkins.plugins.devsecops.iac.dockerfile;

import io.jenkins.plugins.devsecops.iac.rule.RuleTarget;
import java.util.List;

/**
 * A parsed Dockerfile.
 *
 * @param path the file, relative to the scan root
 * @param globalArgs the {@code ARG}s before the first {@code FROM}
 * @param stages its build stages in order
 */
public record Dockerfile(String path, List<DockerInstruction> globalArgs, List<DockerStage> stages)
        implements RuleTarget {

    public Dockerfile {
        globalArgs = List.copyOf(globalArgs);
        stages = List.copyOf(stages);
    }

    /** The last stage: the one that becomes the image. */
    public DockerStage finalStage() {
        return stages.get(stages.size() - 1);
    }

    /** Whether {@code image} names an earlier stage rather than an image. */
    public boolean isStageName(String image) {
        return stages.stream().anyMatch(s -> s.name() != null && s.name().equalsIgnoreCase(image));
    }
}
