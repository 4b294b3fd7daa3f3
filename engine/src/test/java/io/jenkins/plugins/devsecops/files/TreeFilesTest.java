package io.jenkins.plugins.devsecops.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeFilesTest {

    private static final String OUTSIDE_CONTENT = "aws_secret_access_key = outside-only-content";

    @TempDir
    Path root;

    @TempDir
    Path outside;

    @Test
    void shouldReadARegularConfigurationFileInsideTheTree() throws Exception {
        Files.writeString(root.resolve("devsecops-policy.yaml"), "version: 1\n");
        TreeFiles tree = new TreeFiles(root);

        assertThat(tree.isPresent(root.resolve("devsecops-policy.yaml"))).isTrue();
        assertThat(tree.readText(root.resolve("devsecops-policy.yaml"), 100)).isEqualTo("version: 1\n");
        assertThat(tree.isPresent(root.resolve("missing.yaml"))).isFalse();
    }

    @Test
    void shouldRefuseALinkedConfigurationFileWithoutQuotingItsTarget() throws Exception {
        // Given a policy and a rules directory that link to files outside the tree
        Path credentials = Files.writeString(outside.resolve("credentials"), OUTSIDE_CONTENT);
        Files.createSymbolicLink(root.resolve("devsecops-policy.yaml"), credentials);
        Files.createDirectories(root.resolve(".devsecops"));
        Files.createSymbolicLink(root.resolve(".devsecops/iac-rules"), outside);
        TreeFiles tree = new TreeFiles(root);

        // When read / Then refused with the link named, never the content
        assertThatThrownBy(() -> tree.readText(root.resolve("devsecops-policy.yaml"), 1000))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("devsecops-policy.yaml is a symbolic link")
                .hasMessageNotContaining("outside-only-content");
        assertThatThrownBy(() -> tree.readText(root.resolve(".devsecops/iac-rules/credentials"), 1000))
                .isInstanceOf(UnsafePathException.class)
                .hasMessageContaining(".devsecops/iac-rules is a symbolic link");
    }

    @Test
    void shouldRefuseAFifoWithoutBlocking() throws Exception {
        Assumptions.assumeTrue(HostileFiles.mkfifo(root.resolve("devsecops-policy.yaml")), "mkfifo unavailable");
        TreeFiles tree = new TreeFiles(root);

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(
                () -> tree.readText(root.resolve("devsecops-policy.yaml"), 1000))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("FIFO"));
    }

    @Test
    void shouldReadAFileTheUserNamedOutsideTheTreeAndCapTheSize() throws Exception {
        Path policy = Files.writeString(outside.resolve("policy.yaml"), "x".repeat(200));
        TreeFiles tree = new TreeFiles(root);

        assertThat(tree.readText(policy, 1000)).hasSize(200);
        assertThatThrownBy(() -> tree.readText(policy, 100)).isInstanceOf(UnsafePathException.class)
                .hasMessageContaining("larger than 100 bytes");
    }
}
