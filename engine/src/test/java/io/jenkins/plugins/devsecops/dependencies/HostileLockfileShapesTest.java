package io.jenkins.plugins.devsecops.dependencies;

import io.jenkins.plugins.devsecops.packages.LockedPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileException;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParsers;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Long chains, cycles, long strings, wrong JSON types and garbage archives: bounded, read, and said. */
class HostileLockfileShapesTest {

    private static final int CHAIN = 20_000;

    @TempDir
    Path temp;

    private static LockfileResult parse(String name, String content) throws LockfileException {
        return LockfileParsers.forFileName(name).orElseThrow().parse(Lockfile.of("app/" + name, content));
    }

    private static Map<String, LockedPackage> byName(LockfileResult result) {
        return result.packages().stream().collect(Collectors.toMap(LockedPackage::name, Function.identity(), (a, b) -> a));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldGiveBoundedShortestPathsInALongNpmChainWithACycle() throws LockfileException {
        // Given an npm lockfile whose packages form a 20,000-long chain that loops back to its start
        StringBuilder lock = new StringBuilder("{\"name\":\"app\",\"lockfileVersion\":3,\"packages\":{"
                + "\"\":{\"name\":\"app\",\"dependencies\":{\"p0\":\"1.0.0\"}}");
        for (int i = 0; i < CHAIN; i++) {
            String next = "p" + ((i + 1) % CHAIN);
            lock.append(",\"node_modules/p").append(i).append("\":{\"version\":\"1.0.0\",\"dependencies\":{\"")
                    .append(next).append("\":\"1.0.0\"}}");
        }

        // When
        Map<String, LockedPackage> packages = byName(parse("package-lock.json", lock.append("}}").toString()));

        // Then every package is there with a short path: the start, an elision with the count, the end
        assertThat(packages).hasSize(CHAIN);
        assertThat(packages.get("p0").dependencyPath()).containsExactly("p0");
        assertThat(packages.get("p5").dependencyPath()).containsExactly("p0", "p1", "p2", "p3", "p4", "p5");
        assertThat(packages.get("p19999").dependencyPath()).containsExactly("p0", "p1", "p2", "p3",
                "… " + (CHAIN - 10) + " more …", "p19994", "p19995", "p19996", "p19997", "p19998", "p19999");
        assertThat(packages.values()).allSatisfy(p -> assertThat(p.dependencyPath().size()).isLessThanOrEqualTo(11));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void shouldReadACargoChainWithACycleAndAVeryLongString() throws LockfileException {
        // Given a Cargo.lock whose crates form a 20,000-long cycle below the workspace crate, one with a
        // 20,000-character quoted string
        StringBuilder lock = new StringBuilder("version = 3\n\n[[package]]\nname = \"app\"\nversion = \"0.1.0\"\n"
                + "dependencies = [\n \"c0\",\n]\n");
        for (int i = 0; i < CHAIN; i++) {
            lock.append("\n[[package]]\nname = \"c").append(i).append("\"\nversion = \"1.0.0\"\n")
                    .append("source = \"registry+https://github.com/rust-lang/crates.io-index\"\n");
            if (i == 7) {
                lock.append("description = \"").append("ab\\\"".repeat(5_000)).append("x".repeat(5_000)).append("\"\n");
            }
            lock.append("dependencies = [\n \"c").append((i + 1) % CHAIN).append("\",\n]\n");
        }

        // When
        Map<String, LockedPackage> packages = byName(parse("Cargo.lock", lock.toString()));

        // Then
        assertThat(packages).hasSize(CHAIN);
        assertThat(packages.get("c8").dependencyPath()).containsExactly("c0", "c1", "c2", "c3", "c4", "c5", "c6",
                "c7", "c8");
        assertThat(packages.get("c19999").dependencyPath()).hasSize(11).startsWith("c0").endsWith("c19999");
    }

    @Test
    void shouldReadAPoetryLockWithATwentyThousandCharacterString() throws LockfileException {
        String lock = "[[package]]\nname = \"requests\"\nversion = \"2.19.0\"\ndescription = \""
                + "\\\\x".repeat(10_000) + "\"  # a comment\noptional = false\n\n[[package]]\nname = \"idna\"\n"
                + "version = \"2.7\"\ndescription = \"" + "y".repeat(20_000) + "\"\n";

        assertThat(byName(parse("poetry.lock", lock))).containsKeys("requests", "idna");
    }

    @Test
    void shouldWarnNamingTheFieldWhenALockfileHasWrongJsonTypes() throws LockfileException {
        assertThat(parse("package-lock.json", "{\"lockfileVersion\":3,\"packages\":[\"node_modules/a\"]}").warnings())
                .anySatisfy(w -> assertThat(w).contains("'packages' is an array, expected an object"));
        assertThat(parse("package-lock.json", "{\"lockfileVersion\":3,\"packages\":{\"\":{},"
                + "\"node_modules/a\":{\"version\":{\"x\":1}},\"node_modules/b\":\"1.0.0\","
                + "\"node_modules/c\":{\"version\":\"1.0.0\"}}}").warnings())
                .anySatisfy(w -> assertThat(w).contains("2 entries of 'packages' were not read"));
        assertThat(parse("composer.lock", "{\"packages\":{\"a\":1},\"packages-dev\":[]}").warnings())
                .anySatisfy(w -> assertThat(w).contains("'packages' is an object, expected an array"));
        assertThat(parse("Pipfile.lock", "{\"_meta\":{},\"default\":[1,2],\"develop\":{}}").warnings())
                .anySatisfy(w -> assertThat(w).contains("'default' is an array, expected an object"));
        assertThat(parse("bom.json", "{\"bomFormat\":\"CycloneDX\",\"components\":\"none\"}").warnings())
                .anySatisfy(w -> assertThat(w).contains("'components' is a string, expected an array"));
    }

    @Test
    void shouldSayClearlyWhyAnArchiveCannotBeRead() throws IOException, LockfileException {
        // Given a .war of garbage and a jar cut short in the middle of an entry
        byte[] garbage = new byte[4096];
        new java.util.Random(7).nextBytes(garbage);
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("META-INF/maven/g/a/pom.properties"));
            out.write("groupId=g\nartifactId=a\nversion=1\n".getBytes());
            out.closeEntry();
            out.putNextEntry(new ZipEntry("WEB-INF/lib/inner.jar"));
            out.write(garbage);
            out.closeEntry();
        }
        byte[] truncated = Arrays.copyOf(zip.toByteArray(), 2000);
        Path war = Files.write(temp.resolve("app.war"), garbage);
        Path jar = Files.write(temp.resolve("lib.jar"), truncated);
        var parser = LockfileParsers.forFileName("app.war").orElseThrow();

        // Then each names what is wrong, never "null"
        assertThat(parser.parse(new Lockfile("app.war", Files.readAllBytes(war), war, temp)).warnings())
                .containsExactly("not a zip archive: the file does not start with a zip header; no packages were read"
                        + " from it");
        assertThatThrownBy(() -> parser.parse(new Lockfile("lib.jar", Files.readAllBytes(jar), jar, temp)))
                .isInstanceOf(LockfileException.class).hasMessageContaining("not a readable zip archive")
                .hasMessageNotContaining("null");
    }
}
