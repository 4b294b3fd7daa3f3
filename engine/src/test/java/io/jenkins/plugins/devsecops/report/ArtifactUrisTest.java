package io.jenkins.plugins.devsecops.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ArtifactUrisTest {

    @Test
    void shouldPercentEncodeRelativePaths() {
        assertThat(ArtifactUris.relative("src/main/app config.yml")).isEqualTo("src/main/app%20config.yml");
        assertThat(ArtifactUris.relative("./a/b#c?d%e.txt")).isEqualTo("a/b%23c%3Fd%25e.txt");
        assertThat(ArtifactUris.relative("docs/caf\u00e9.md")).isEqualTo("docs/caf%C3%A9.md");
        // On Linux a backslash is part of a file name, never a separator
        assertThat(ArtifactUris.relative("back\\slash.env")).isEqualTo("back%5Cslash.env");
        assertThat(URI.create(ArtifactUris.relative("x/<script>\"'.js")).isAbsolute()).isFalse();
        assertThat(ArtifactUris.relative("http:evil.example/x")).isEqualTo("http%3Aevil.example/x");
        assertThat(URI.create(ArtifactUris.relative("javascript:alert(1)")).getScheme()).isNull();
        // a path with nothing to encode comes back as it is; a lone surrogate is encoded as UTF-8 gives it ('?')
        assertThat(ArtifactUris.relative("copy-1/a+b/C_d~e.tf")).isEqualTo("copy-1/a+b/C_d~e.tf");
        assertThat(ArtifactUris.relative("a/b\ud800c\u4e2d")).isEqualTo("a/b%3Fc%E4%B8%AD");
    }

    @Test
    void shouldTurnAbsolutePathsIntoFileUris() {
        assertThat(ArtifactUris.isAbsolute("/builds/app/Dockerfile")).isTrue();
        assertThat(ArtifactUris.isAbsolute("C:\\work\\app\\pom.xml")).isTrue();
        assertThat(ArtifactUris.isAbsolute("src/App.java")).isFalse();
        assertThat(ArtifactUris.absolute("/builds/app/Dockerfile")).isEqualTo("file:///builds/app/Dockerfile");
        assertThat(ArtifactUris.absolute("C:\\work\\app\\pom.xml")).isEqualTo("file:///C:/work/app/pom.xml");
        assertThat(ArtifactUris.directory("/home/ci/ws")).isEqualTo("file:///home/ci/ws/");
    }
}
