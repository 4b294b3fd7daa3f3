package io.jenkins.plugins.devsecops.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryLocationTest {

    @TempDir
    Path dir;

    @Test
    void shouldPlaceTheHistoryInTheUsersCacheOutsideTheTree() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("My Repo"));
        Path cache = dir.resolve("xdg");

        Path withXdg = HistoryLocation.defaultDirectory(repo, Map.of("XDG_CACHE_HOME", cache.toString()),
                dir.resolve("home"));
        Path fallback = HistoryLocation.defaultDirectory(repo, Map.of(), dir.resolve("home"));
        Path relativeXdg = HistoryLocation.defaultDirectory(repo, Map.of("XDG_CACHE_HOME", "rel"), dir.resolve("home"));

        assertThat(withXdg.getParent()).isEqualTo(cache.resolve("devsecops"));
        assertThat(withXdg.getFileName().toString()).matches("my_repo-[0-9a-f]{16}");
        assertThat(fallback.getParent()).isEqualTo(dir.resolve("home/.cache/devsecops"));
        assertThat(relativeXdg.getParent()).isEqualTo(dir.resolve("home/.cache/devsecops"));
        assertThat(withXdg.startsWith(repo)).isFalse();
    }

    @Test
    void shouldGiveOneCheckoutOneStableIdAndTwoClonesTwo() throws Exception {
        Path first = Files.createDirectories(dir.resolve("a/app"));
        Path second = Files.createDirectories(dir.resolve("b/app"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), first);

        assertThat(HistoryLocation.repositoryId(first)).isEqualTo(HistoryLocation.repositoryId(first))
                .isEqualTo(HistoryLocation.repositoryId(link)).isNotEqualTo(HistoryLocation.repositoryId(second));
        assertThat(HistoryLocation.repositoryId(Files.createDirectories(dir.resolve(".hidden"))))
                .startsWith("_.hidden-");
    }
}
