package io.jenkins.plugins.devsecops.packages.lockfile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** {@link LockfileParsers#mayAccept} never turns away a name some parser accepts. */
class LockfileNamesTest {

    /** Names every parser takes, in odd cases and shapes too. */
    private static final List<String> KNOWN = List.of("package-lock.json", "npm-shrinkwrap.json", "yarn.lock",
            "pnpm-lock.yaml", "package.json", "pom.xml", "dependency-list.txt", "Dependencies-List.TXT",
            "deps.txt", "dependencies.txt", "bom.json", "app.cdx.json", "lib.jar", "APP.WAR", "x.Ear",
            "gradle.lockfile", "buildscript-gradle.lockfile", "x.lockfile", "requirements.txt",
            "Requirements-Dev.TXT", "base.pip", "X.PIP", "Pipfile.lock", "poetry.lock", "uv.lock", "go.mod", "go.sum",
            "Cargo.lock", "Gemfile.lock", "gems.locked", "composer.lock", "packages.lock.json");

    @Test
    void shouldLetThroughEveryNameAParserAccepts() throws IOException {
        Set<String> names = new LinkedHashSet<>(KNOWN);
        for (String known : KNOWN) {
            names.add(known.toUpperCase(Locale.ROOT));
            names.add(known.toLowerCase(Locale.ROOT));
            names.add("x" + known);
            names.add(known + ".bak");
        }
        names.addAll(List.of("", ".", "a.", ".lockfile", "noextension", "Makefile", "LOCK", "json", ".json"));
        names.addAll(repositoryFileNames());
        int accepted = 0;
        int turnedAway = 0;
        for (String name : names) {
            boolean parsed = LockfileParsers.forFileName(name).isPresent();
            if (parsed) {
                accepted++;
                assertThat(LockfileParsers.mayAccept(name)).as(name).isTrue();
            }
            turnedAway += LockfileParsers.mayAccept(name) ? 0 : 1;
        }
        for (String known : KNOWN) {
            assertThat(LockfileParsers.forFileName(known)).as(known).isPresent();
        }
        assertThat(accepted).isGreaterThan(KNOWN.size());
        assertThat(turnedAway).as("names answered from the extension alone").isGreaterThan(500);
        assertThat(LockfileParsers.mayAccept("index.js")).isFalse();
        assertThat(LockfileParsers.mayAccept("README.md")).isFalse();
        assertThat(LockfileParsers.mayAccept("noextension")).isFalse();
    }

    /** The file names of this repository: sources, fixtures, docs. */
    private static List<String> repositoryFileNames() throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(Path.of(".."))) {
            walk.filter(p -> !p.toString().contains("/.git/") && !p.toString().contains("/target/"))
                    .filter(Files::isRegularFile).forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).hasSizeGreaterThan(1_000);
        return names;
    }
}
