package io.jenkins.plugins.devsecops.iac.dockerfile;

import java.util.List;

/**
 * One build stage: a {@code FROM} and the instructions up to the next one.
 *
 * @param index its 0-based position
 * @param name its {@code AS} name, or {@code null}
 * @param baseImage the image it starts from, with build arguments substituted
 * @param from its {@code FROM} instruction
 * @param instructions its instructions after the {@code FROM}
 */
public record DockerStage(int index, String name, String baseImage, DockerInstruction from,
        List<DockerInstruction> instructions) {

    public DockerStage {
        instructions = List.copyOf(instructions);
    }

    /** How findings name the stage: {@code stage build} or {@code stage #0}. */
    public String address() {
        return name != null ? "stage " + name : "stage #" + index;
    }
}
