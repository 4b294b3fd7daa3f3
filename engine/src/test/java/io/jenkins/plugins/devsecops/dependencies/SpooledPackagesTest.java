package io.jenkins.plugins.devsecops.dependencies;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import io.jenkins.plugins.devsecops.packages.lockfile.Lockfile;
import io.jenkins.plugins.devsecops.packages.lockfile.LockfileParsers;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The dependency stage's packages kept on disk between the walk and the stage's end, read back in order. */
class SpooledPackagesTest {

    private static final String PACKAGE_LOCK = """
            {
              "name": "web",
              "lockfileVersion": 3,
              "packages": {
                "": { "name": "web", "dependencies": { "lodash": "4.17.20", "@babel/core": "7.22.0" },
                      "devDependencies": { "jest": "29.0.0" } },
                "node_modules/lodash": {
                  "version": "4.17.20",
                  "integrity": "sha512-PlhdFcillOINfeV7Ni6oF1TAEayyZBoZ8bcshTHqOYJYlrqzRK5hagpagky5o4HfCzzd1TRkXPMFq6cKk9rGmA=="
                },
                "node_modules/@babel/core": { "version": "7.22.0", "dependencies": { "debug": "^4.1.0" } },
                "node_modules/debug": { "version": "4.3.4", "dependencies": { "ms": "2.1.2" } },
                "node_modules/ms": { "version": "2.1.2" },
                "node_modules/jest": { "version": "29.0.0", "dev": true }
              }
            }
            """;

    private static List<LockedPackage> parse(String path, String text) throws Exception {
        String fileName = path.substring(path.lastIndexOf('/') + 1);
        return LockfileParsers.forFileName(fileName).orElseThrow().parse(Lockfile.of(path, text)).packages();
    }

    @Test
    void shouldGiveBackEveryFieldOfTheParsedPackages() throws Exception {
        // Given the packages of a real package-lock.json and a requirements file with hashes
        List<LockedPackage> npm = parse("web/package-lock.json", PACKAGE_LOCK);
        List<LockedPackage> pypi = parse("api/requirements.txt", """
                Django==2.2.10 \\
                    --hash=sha256:1226168be1b1c7efd0e66ee79b0e0b58b2caa7ed87717909cd8a57bb13a7079a
                requests[security]==2.31.0 ; python_version >= "3.7"
                """);
        assertThat(npm).hasSize(5).anySatisfy(p -> assertThat(p.hashes()).containsKey("SHA-512"))
                .anySatisfy(p -> assertThat(p.dependsOn()).isNotEmpty())
                .anySatisfy(p -> assertThat(p.scope()).isEqualTo("dev"));
        assertThat(pypi).hasSize(2);

        // When both are spooled and read back
        List<LockedPackage> read = new ArrayList<>();
        try (SpooledPackages spool = new SpooledPackages()) {
            spool.add(npm);
            spool.add(pypi);
            spool.forEachInOrder(read::add);
            assertThat(spool.size()).isEqualTo(7);
            // Then none of them is held in memory: they are on disk until read
            assertThat(spool.bytesInMemory()).isZero();
        }

        // Then equal to what the parsers gave, in file and line order
        List<LockedPackage> expected = new ArrayList<>(pypi);
        expected.addAll(npm.stream().sorted(SpooledPackages.FILE_AND_LINE).toList());
        assertThat(read).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldReadBackInTheOrderOfAStableSortOfAllPackagesByFileAndLine() {
        // Given runs added out of order, two of them interleaving (one run names two files), and packages equal in
        // file and line in two runs and within one run
        List<List<LockedPackage>> runs = List.of(
                List.of(pkg("c/pom.xml", 9, "c9"), pkg("c/pom.xml", 2, "c2")),
                List.of(pkg("b/go.mod", 3, "b3"), pkg("d/go.mod", 1, "d1"), pkg("b/go.mod", 3, "b3-again")),
                List.of(pkg("a/Cargo.lock", 5, "a5")),
                List.of(pkg("b/go.mod", 3, "b3-later-run"), pkg("c/pom.xml", 2, "c2-later-run")));
        List<LockedPackage> read = new ArrayList<>();

        // When
        try (SpooledPackages spool = new SpooledPackages()) {
            runs.forEach(spool::add);
            spool.forEachInOrder(read::add);
        }

        // Then the order the stage used to get from sorting every package in memory
        List<LockedPackage> all = new ArrayList<>();
        runs.forEach(all::addAll);
        all.sort(SpooledPackages.FILE_AND_LINE);
        assertThat(read).containsExactlyElementsOf(all);
        assertThat(read).extracting(LockedPackage::name).containsExactly("a5", "b3", "b3-again", "b3-later-run",
                "c2", "c2-later-run", "c9", "d1");
    }

    @Test
    void shouldKeepNamesOfAnyLengthAndEveryCharacter() {
        // Given a name longer than modified UTF-8's 64 KiB, one with a lone surrogate and a NUL, and each state of
        // "direct"
        String longName = "x".repeat(100_000) + "é";
        LockedPackage huge = LockedPackage.builder(Ecosystem.PYPI, "r.txt").name(longName).version("1.0").line(1)
                .direct(null).build();
        LockedPackage odd = LockedPackage.builder(Ecosystem.NUGET, "r.txt").name("a\ud800b\u0000c").version("2.0")
                .line(2).direct(false).scope("test").hash("SHA-256", "ab").dependencyPath(List.of("root", "a"))
                .build();
        LockedPackage direct = LockedPackage.builder(Ecosystem.CARGO, "r.txt").name("serde").version("1.0.0")
                .line(3).direct(true).build();
        List<LockedPackage> read = new ArrayList<>();

        // When
        try (SpooledPackages spool = new SpooledPackages()) {
            spool.add(List.of(huge, odd, direct));
            spool.forEachInOrder(read::add);
        }

        // Then
        assertThat(read).containsExactly(huge, odd, direct);
    }

    private static LockedPackage pkg(String file, int line, String name) {
        return LockedPackage.builder(Ecosystem.GO, file).name(name).version("1.0.0").line(line).build();
    }
}
