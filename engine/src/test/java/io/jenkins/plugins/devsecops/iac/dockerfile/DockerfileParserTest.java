package io.jenkins.plugins.devsecops.iac.dockerfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.iac.yaml.IacParseException;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

    @Test
    void shouldJoinContinuationsSkipCommentsAndKeepStartLines() throws Exception {
        String text = """
                # syntax=docker/dockerfile:1
                ARG BASE=debian
                ARG TAG=12.5
                FROM ${BASE}:${TAG} AS build
                RUN apt-get update \\
                # a comment inside the continuation
                    && apt-get install -y curl \\
                    && rm -rf /var/lib/apt/lists/*

                ENV HOME=/home/app PATH="/opt/bin:$PATH"
                WORKDIR $HOME
                FROM build
                COPY --from=build --chown=1000:1000 /out /app
                """;

        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", text);

        assertThat(dockerfile.globalArgs()).hasSize(2);
        assertThat(dockerfile.stages()).hasSize(2);
        DockerStage build = dockerfile.stages().get(0);
        assertThat(build.name()).isEqualTo("build");
        assertThat(build.baseImage()).isEqualTo("debian:12.5");
        assertThat(build.from().line()).isEqualTo(4);
        DockerInstruction run = build.instructions().get(0);
        assertThat(run.line()).isEqualTo(5);
        assertThat(run.endLine()).isEqualTo(8);
        assertThat(run.arguments()).contains("apt-get update").contains("apt-get install -y curl")
                .doesNotContain("a comment");
        assertThat(build.instructions().get(2).expanded()).isEqualTo("/home/app");
        assertThat(dockerfile.isStageName("build")).isTrue();
        DockerInstruction copy = dockerfile.finalStage().instructions().get(0);
        assertThat(copy.flag("from")).contains("build");
        assertThat(copy.flag("chown")).contains("1000:1000");
        assertThat(copy.arguments()).isEqualTo("/out /app");
    }

    @Test
    void shouldReadHeredocsIntoTheInstruction() throws Exception {
        String text = """
                FROM alpine:3.20
                RUN <<EOF
                curl -fsSL https://example.com/x.sh | sh
                EOF
                USER 1000
                """;

        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", text);

        DockerInstruction run = dockerfile.finalStage().instructions().get(0);
        assertThat(run.arguments()).contains("curl -fsSL https://example.com/x.sh | sh");
        assertThat(run.line()).isEqualTo(2);
        assertThat(run.endLine()).isEqualTo(4);
        assertThat(dockerfile.finalStage().instructions().get(1).keyword()).isEqualTo("USER");
    }

    @Test
    void shouldHonourTheEscapeDirectiveAndDefaultExpansions() throws Exception {
        String text = "# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\n"
                + "ARG DIR\nRUN echo a `\n  b\nWORKDIR ${DIR:-C:\\app}\n";

        Dockerfile dockerfile = DockerfileParser.parse("Dockerfile", text);

        assertThat(dockerfile.finalStage().instructions().get(1).arguments()).isEqualTo("echo a  b");
        assertThat(dockerfile.finalStage().instructions().get(2).expanded()).isEqualTo("C:\\app");
    }

    @Test
    void shouldRejectFilesThatAreNotDockerfiles() {
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "RUN echo\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("before the first FROM at line 1");
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "# only a comment\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("No FROM");
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a\n{\"json\": true}\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("line 2");
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a\nRUN <<EOF\nnever closed\n"))
                .isInstanceOf(IacParseException.class).hasMessageContaining("Unterminated heredoc");
        assertThatThrownBy(() -> DockerfileParser.parse("Dockerfile", "FROM a\n" + "RUN x\n".repeat(300_000)))
                .isInstanceOf(IacParseException.class).hasMessageContaining("too large");
    }
}
