package io.jenkins.plugins.devsecops.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.ignore.FastIgnoreRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared glob: gitignore semantics as JGit has them on ordinary patterns, and linear on hostile ones. */
class GlobTest {

    private static final List<String> PATTERNS = List.of("*.log", "build/", "/build", "docs/*.md", "**/test/**",
            "src/**/gen", "a/**/b/*.txt", "**/*.min.js", "node_modules", "*.[ch]", "file?.txt", "[!a]*.cfg",
            "foo/**", "/root.txt", "lib/*/x", "**/", "x[0-9][[:alpha:]].y", "dir/sub/", "\\#hash", "a b.txt");

    private static final List<String> PATHS = List.of("app.log", "src/app.log", "build", "build/out.class",
            "src/build/out.class", "docs/a.md", "docs/sub/a.md", "src/test/A.java", "test/x", "src/main/gen",
            "src/a/b/gen", "a/b/c.txt", "a/x/y/b/c.txt", "a/b/c/d.txt", "web/app.min.js", "node_modules/x/y.js",
            "x/node_modules", "main.c", "main.h", "main.o", "file1.txt", "file12.txt", "b.cfg", "a.cfg", "foo",
            "foo/bar", "foo/bar/baz", "root.txt", "sub/root.txt", "lib/a/x", "lib/a/b/x", "x1a.y", "x11.y",
            "dir/sub", "dir/sub/f", "#hash", "a b.txt");

    @Test
    void shouldAgreeWithJgitOnOrdinaryPatterns() {
        List<String> disagreements = new ArrayList<>();
        for (String pattern : PATTERNS) {
            FastIgnoreRule jgit = new FastIgnoreRule(pattern);
            Glob glob = Glob.gitignore(pattern);
            for (String path : PATHS) {
                for (boolean directory : new boolean[] {false, true}) {
                    if (jgit.isMatch(path, directory, false) != glob.matchesPathOrParent(path, directory)) {
                        disagreements.add(pattern + " ~ " + path + (directory ? "/" : "") + " (orParent)");
                    }
                    if (jgit.isMatch(path, directory, true) != glob.matches(path, directory)) {
                        disagreements.add(pattern + " ~ " + path + (directory ? "/" : "") + " (self)");
                    }
                }
            }
        }
        assertThat(disagreements).isEmpty();
    }

    @Test
    void shouldReadNegationsCommentsAndEscapes() {
        assertThat(Glob.gitignore("!keep.log").negated()).isTrue();
        assertThat(Glob.gitignore("!keep.log").matches("a/keep.log", false)).isTrue();
        assertThat(Glob.gitignore("# comment").isEmpty()).isTrue();
        assertThat(Glob.gitignore("   ").isEmpty()).isTrue();
        assertThat(Glob.gitignore("\\!bang").matches("!bang", false)).isTrue();
        assertThat(Glob.gitignore("a\\*b").matches("a*b", false)).isTrue();
        assertThat(Glob.gitignore("a\\*b").matches("axb", false)).isFalse();
        assertThat(Glob.gitignore("(a*)*b|c+").matches("(aaa)xb|c+", false)).isTrue();
    }

    @Test
    void shouldMatchPathGlobsFromTheRoot() {
        assertThat(Glob.path("src/**/*.java").matches("src/a/b/C.java", false)).isTrue();
        assertThat(Glob.path("src/**/*.java").matches("src/C.java", false)).isTrue();
        assertThat(Glob.path("*.java").matches("src/C.java", false)).isFalse();
        assertThat(Glob.path("/config/?.yml").matches("config/a.yml", false)).isTrue();
        assertThat(Glob.path("a[1].txt").matches("a[1].txt", false)).isTrue();
    }

    @Test
    void shouldRefuseInvalidGlobsNamingThem() {
        assertThatThrownBy(() -> Glob.gitignore("[[[[")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'[[[['").hasMessageContaining("never closed");
        assertThatThrownBy(() -> Glob.gitignore("[z-a]")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'[z-a]'");
        assertThatThrownBy(() -> Glob.gitignore("a".repeat(Glob.MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("longer than");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void shouldMatchBacktrackingShapedGlobsAgainstDeepPaths() {
        // Given globs that make a backtracking matcher try every way to split the path: many ** and * segments
        String stars = "**/a*a*a*a*a*a*a*a*a*a*b/".repeat(1) + "**/*a*/".repeat(20) + "**/x*y*z";
        String segments = "*/".repeat(40) + "**/" + "*a*a*/".repeat(20) + "b";
        String deep = String.join("/", java.util.Collections.nCopies(400, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")) + "/c";

        // When matched many times, then no match is found and nothing hangs
        for (int i = 0; i < 50; i++) {
            assertThat(Glob.gitignore(stars).matchesPathOrParent(deep, false)).isFalse();
            assertThat(Glob.gitignore(segments).matches(deep, false)).isFalse();
            assertThat(Glob.path("**/" + "*a".repeat(100) + "b").matches(deep, false)).isFalse();
        }
        // and a real match on the same shape is still found
        assertThat(Glob.gitignore("**/a*a*/**/c").matches(deep, false)).isTrue();
    }
}
