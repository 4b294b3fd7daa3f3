package io.jenkins.plugins.devsecops.iac.dockerfile;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One Dockerfile instruction after line continuations were joined.
 *
 * @param keyword the instruction in upper case, e.g. {@code RUN}
 * @param arguments the text after the keyword and its flags, with heredoc bodies appended on new lines
 * @param expanded {@code arguments} with {@code ARG}/{@code ENV} references substituted where known
 * @param flags the leading {@code --name=value} options, e.g. {@code from} of {@code COPY --from=build}
 * @param line the line it starts on
 * @param endLine the line it ends on
 */
public record DockerInstruction(String keyword, String arguments, String expanded, Map<String, String> flags,
        int line, int endLine) {

    public DockerInstruction {
        keyword = keyword.toUpperCase(Locale.ROOT);
        flags = Map.copyOf(flags);
    }

    /** Whether this is the instruction {@code name}. */
    public boolean is(String name) {
        return keyword.equals(name);
    }

    /** The value of flag {@code name}. */
    public Optional<String> flag(String name) {
        return Optional.ofNullable(flags.get(name));
    }
}
