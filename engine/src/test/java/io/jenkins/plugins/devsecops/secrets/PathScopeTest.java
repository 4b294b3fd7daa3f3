package io.jenkins.plugins.devsecops.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.scan.Glob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A rule's file scope first looks for the text every one of its globs requires, then asks the globs: the same answer
 * as asking each glob, for the built-in rules' scopes and for globs without a common text, on the paths of this
 * repository and on paths made to hold the globs' literals in every place.
 */
class PathScopeTest {

    private static final List<List<String>> SCOPES = List.of(
            List.of(".pgpass", "pgpass.conf", "*.pgpass"),
            List.of("**/.pypirc", ".pypirc"),
            List.of("**/Dockerfile", "**/Dockerfile.*", "**/*.dockerfile", "**/Containerfile", "**/Containerfile.*",
                    "Dockerfile", "Dockerfile.*", "*.dockerfile", "Containerfile", "Containerfile.*"),
            List.of("*.env", "config/", "!secret.env", "# a comment", ""),
            List.of("a*b", "*.c?", "x/**/y"),
            List.of("[Dd]ockerfile", "Dockerfile"),
            List.of("!only-negated"));

    @Test
    void shouldFindTheTextEveryGlobRequires() {
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(0)))).isEqualTo("pgpass");
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(1)))).isEqualTo(".pypirc");
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(2)))).isEqualTo("erfile");
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(3)))).isEqualTo("n"); // .env and config
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(5)))).isEmpty(); // a class: no required text
        assertThat(PathScope.commonRequiredText(globs(SCOPES.get(6)))).isEmpty();
    }

    @Test
    void shouldAnswerAsTheGlobsDoOnRealAndMadePaths() throws IOException {
        List<String> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of(".."), 6)) {
            walk.limit(20_000).forEach(p -> paths.add(p.toString().replace('\\', '/').replaceFirst("^\\.\\./", "")));
        }
        for (String literal : List.of(".pgpass", "pgpass.conf", "pgpass", ".pypirc", "Dockerfile", "dockerfile",
                "Containerfile", "erfile", "x.env", "config", "secret.env", "ab", "a.cc", "x/y")) {
            for (String shape : List.of("%s", "dir/%s", "%s/file", "a/%s/b", "%s.bak", "pre%s", "%s/", "a/b/c/%s")) {
                paths.add(shape.formatted(literal));
            }
        }
        int applied = 0;
        for (List<String> scope : SCOPES) {
            PathScope fast = PathScope.globs(scope);
            List<Glob> globs = globs(scope);
            for (String path : paths) {
                boolean expected = globs.stream().anyMatch(g -> !g.negated() && g.matchesPathOrParent(path, false));
                assertThat(fast.appliesTo(path)).as("%s for %s", scope, path).isEqualTo(expected);
                applied += expected ? 1 : 0;
            }
        }
        assertThat(applied).isGreaterThan(50);
    }

    private static List<Glob> globs(List<String> sources) {
        return sources.stream().map(Glob::gitignore).toList();
    }
}
