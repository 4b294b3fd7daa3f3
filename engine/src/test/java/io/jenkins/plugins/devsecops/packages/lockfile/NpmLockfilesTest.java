package io.jenkins.plugins.devsecops.packages.lockfile;

import static io.jenkins.plugins.devsecops.packages.lockfile.LockfileFixtures.find;
import static io.jenkins.plugins.devsecops.packages.lockfile.LockfileFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.devsecops.packages.Ecosystem;
import io.jenkins.plugins.devsecops.packages.LockedPackage;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpmLockfilesTest {

    @TempDir
    Path root;

    static final String PACKAGE_JSON = """
            {
              "name": "shop",
              "version": "1.0.0",
              "dependencies": { "express": "^4.17.1", "lodash": "4.17.20" },
              "devDependencies": { "@babel/core": "^7.12.0" }
            }
            """;

    @Test
    void shouldReadPackageLockV3WithDirectTransitivePathsAndHashes() throws Exception {
        // Given a lockfile v3 where debug is nested under express (two versions of it in the tree)
        Lockfile lockfile = write(root, "app/package-lock.json", """
                {
                  "name": "shop",
                  "version": "1.0.0",
                  "lockfileVersion": 3,
                  "requires": true,
                  "packages": {
                    "": {
                      "name": "shop",
                      "version": "1.0.0",
                      "dependencies": { "express": "^4.17.1", "lodash": "4.17.20" },
                      "devDependencies": { "@babel/core": "^7.12.0" }
                    },
                    "node_modules/@babel/core": {
                      "version": "7.12.3",
                      "resolved": "https://registry.npmjs.org/@babel/core/-/core-7.12.3.tgz",
                      "integrity": "sha512-0qXcZYKZp3/6N2jKYVxZv0aNCsxTSVCiK72DTiTYZAu7sjg73W0/aynWjMbiGd87EQL4WyA8reiJVh92AVla9g==",
                      "dev": true
                    },
                    "node_modules/debug": {
                      "version": "4.3.1",
                      "resolved": "https://registry.npmjs.org/debug/-/debug-4.3.1.tgz"
                    },
                    "node_modules/express": {
                      "version": "4.17.1",
                      "dependencies": { "debug": "2.6.9", "qs": "6.7.0" }
                    },
                    "node_modules/express/node_modules/debug": {
                      "version": "2.6.9"
                    },
                    "node_modules/lodash": {
                      "version": "4.17.20"
                    },
                    "node_modules/qs": {
                      "version": "6.7.0"
                    },
                    "packages/local-lib": {
                      "version": "0.0.1"
                    },
                    "node_modules/local-lib": {
                      "resolved": "packages/local-lib",
                      "link": true
                    }
                  }
                }
                """);

        // When
        List<LockedPackage> packages = new NpmLockParser().parse(lockfile).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "@babel/core@7.12.3", "debug@4.3.1", "express@4.17.1", "debug@2.6.9", "lodash@4.17.20", "qs@6.7.0");
        LockedPackage nestedDebug = packages.get(3);
        assertThat(nestedDebug.direct()).isFalse();
        assertThat(nestedDebug.dependencyPath()).containsExactly("express", "debug");
        assertThat(nestedDebug.line()).isEqualTo(27);
        assertThat(find(packages, "lodash").direct()).isTrue();
        assertThat(find(packages, "qs").dependencyPath()).containsExactly("express", "qs");
        LockedPackage babel = find(packages, "@babel/core");
        assertThat(babel.scope()).isEqualTo("dev");
        assertThat(babel.purl()).isEqualTo("pkg:npm/%40babel/core@7.12.3");
        assertThat(babel.hashes()).containsKey("SHA-512");
        assertThat(babel.hashes().get("SHA-512")).hasSize(128).startsWith("d2a5dc65");
        assertThat(find(packages, "express").dependsOn())
                .containsExactly("pkg:npm/debug@2.6.9", "pkg:npm/qs@6.7.0");
        assertThat(packages.get(1).dependencyPath()).as("top-level debug@4.3.1 is not reachable").isEmpty();
    }

    @Test
    void shouldResolveEachDependencyFromWhereItIsRequiredWhenManyPackagesShareIt() throws Exception {
        // Given c required from a (its own nested copy), from b and from d (the top-level copy), and a package whose
        // name makes no purl required from two places
        Lockfile lockfile = write(root, "shared/package-lock.json", """
                {
                  "name": "shared",
                  "lockfileVersion": 3,
                  "packages": {
                    "": { "name": "shared", "dependencies": { "a": "1", "b": "1" } },
                    "node_modules/a": { "version": "1.0.0", "dependencies": { "c": "2", "bad/": "1" } },
                    "node_modules/a/node_modules/c": { "version": "2.0.0" },
                    "node_modules/b": { "version": "1.0.0", "dependencies": { "c": "1", "d": "1", "bad/": "1" } },
                    "node_modules/c": { "version": "1.0.0" },
                    "node_modules/d": { "version": "1.0.0", "dependencies": { "c": "1" } },
                    "node_modules/bad/": { "version": "1.0.0" }
                  }
                }
                """);

        // When
        List<LockedPackage> packages = new NpmLockParser().parse(lockfile).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactly("a@1.0.0", "c@2.0.0",
                "b@1.0.0", "c@1.0.0", "d@1.0.0", "bad/@1.0.0");
        assertThat(packages.get(0).dependsOn()).containsExactly("pkg:npm/c@2.0.0");
        assertThat(packages.get(2).dependsOn()).containsExactly("pkg:npm/c@1.0.0", "pkg:npm/d@1.0.0");
        assertThat(packages.get(4).dependsOn()).containsExactly("pkg:npm/c@1.0.0");
        assertThat(packages.get(1).dependencyPath()).containsExactly("a", "c");
        assertThat(packages.get(3).dependencyPath()).containsExactly("b", "c");
        assertThat(packages.get(4).dependencyPath()).containsExactly("b", "d");
        assertThat(packages.get(4).direct()).isFalse();
        assertThat(packages.get(2).direct()).isTrue();
    }

    @Test
    void shouldReadPackageLockV1NestedDependenciesAndAliases() throws Exception {
        // Given a lockfile v1 (npm 6) next to its package.json
        write(root, "package.json", PACKAGE_JSON);
        Lockfile lockfile = write(root, "npm-shrinkwrap.json", """
                {
                  "name": "shop",
                  "version": "1.0.0",
                  "lockfileVersion": 1,
                  "requires": true,
                  "dependencies": {
                    "express": {
                      "version": "4.17.1",
                      "requires": { "debug": "2.6.9" },
                      "dependencies": {
                        "debug": { "version": "2.6.9", "requires": { "ms": "2.0.0" } }
                      }
                    },
                    "lodash": { "version": "4.17.20" },
                    "ms": { "version": "2.0.0" },
                    "string-width-cjs": { "version": "npm:string-width@4.2.3" },
                    "local": { "version": "file:../local" }
                  }
                }
                """);

        // When
        List<LockedPackage> packages = new NpmLockParser().parse(lockfile).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "express@4.17.1", "debug@2.6.9", "lodash@4.17.20", "ms@2.0.0", "string-width@4.2.3");
        assertThat(find(packages, "ms").dependencyPath()).containsExactly("express", "debug", "ms");
        assertThat(find(packages, "ms").direct()).isFalse();
        assertThat(find(packages, "express").direct()).isTrue();
        assertThat(find(packages, "debug").line()).isEqualTo(11);
    }

    @Test
    void shouldReadYarnV1LockWithDirectDependenciesFromPackageJson() throws Exception {
        // Given
        write(root, "package.json", PACKAGE_JSON);
        Lockfile lockfile = write(root, "yarn.lock", """
                # THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.
                # yarn lockfile v1


                "@babel/core@^7.12.0":
                  version "7.12.3"
                  resolved "https://registry.yarnpkg.com/@babel/core/-/core-7.12.3.tgz#1b436884e1e3bff6fb1328dc02b208759de92ad8"
                  integrity sha512-0qXcZYKZp3/6N2jKYVxZv0aNCsxTSVCiK72DTiTYZAu7sjg73W0/aynWjMbiGd87EQL4WyA8reiJVh92AVla9g==

                debug@2.6.9:
                  version "2.6.9"
                  resolved "https://registry.yarnpkg.com/debug/-/debug-2.6.9.tgz#5d128515df134ff327e90a4c93f4e077a536341f"
                  dependencies:
                    ms "2.0.0"

                express@^4.17.1:
                  version "4.17.1"
                  dependencies:
                    debug "2.6.9"

                lodash@4.17.20, lodash@^4.17.15:
                  version "4.17.20"

                ms@2.0.0:
                  version "2.0.0"
                """);

        // When
        List<LockedPackage> packages = new YarnLockParser().parse(lockfile).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version()).containsExactly(
                "@babel/core@7.12.3", "debug@2.6.9", "express@4.17.1", "lodash@4.17.20", "ms@2.0.0");
        assertThat(find(packages, "ms").dependencyPath()).containsExactly("express", "debug", "ms");
        assertThat(find(packages, "lodash").direct()).isTrue();
        assertThat(find(packages, "lodash").line()).isEqualTo(21);
        assertThat(find(packages, "@babel/core").hashes()).containsKey("SHA-512");
    }

    @Test
    void shouldReadYarnBerryLockSkippingTheWorkspace() throws Exception {
        // Given a Yarn 3 lockfile, with an npm alias
        Lockfile lockfile = write(root, "yarn.lock", """
                # This file is generated by running "yarn install" inside your project.
                # Manual changes might be lost - proceed with caution!

                __metadata:
                  version: 6
                  cacheKey: 8

                "express@npm:^4.17.1":
                  version: 4.17.1
                  resolution: "express@npm:4.17.1"
                  dependencies:
                    debug: 2.6.9
                  checksum: d964e9e17af331ea6fa2f84999b063bc47189dd71b4a735df83f9126d3bb2b92e830f1cb1d7c2742530eb625e2689d7a9a9c71f0c3cbb1e7d10a2cc4e2b2a9c
                  languageName: node
                  linkType: hard

                "debug@npm:2.6.9":
                  version: 2.6.9
                  resolution: "debug@npm:2.6.9"
                  languageName: node
                  linkType: hard

                "my-lodash@npm:lodash@4.17.20":
                  version: 4.17.20
                  resolution: "lodash@npm:4.17.20"
                  languageName: node
                  linkType: hard

                "shop@workspace:.":
                  version: 0.0.0-use.local
                  resolution: "shop@workspace:."
                  dependencies:
                    express: ^4.17.1
                  languageName: unknown
                  linkType: soft
                """);

        // When
        List<LockedPackage> packages = new YarnLockParser().parse(lockfile).packages();

        // Then
        assertThat(packages).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("express@4.17.1", "debug@2.6.9", "lodash@4.17.20");
        assertThat(find(packages, "express").dependsOn()).containsExactly("pkg:npm/debug@2.6.9");
        assertThat(find(packages, "debug").line()).isEqualTo(17);
    }

    @Test
    void shouldReadPnpmLockVersions6And9() throws Exception {
        // Given a pnpm v6 lockfile with peer suffixes
        Lockfile v6 = write(root, "a/pnpm-lock.yaml", """
                lockfileVersion: '6.0'

                importers:
                  .:
                    dependencies:
                      express:
                        specifier: ^4.17.1
                        version: 4.17.1
                    devDependencies:
                      react-dom:
                        specifier: ^17.0.0
                        version: 17.0.2(react@17.0.2)

                packages:

                  /debug@2.6.9:
                    resolution: {integrity: sha512-bC7ElrdJaJnPbAP+1EotYvqZsb3ecl5wi6Bfi6BJTUcNowp6cvspg0jXznRTKDjm/E7AdgFBVeAPVMNcKGsHMA==}
                    dependencies:
                      ms: 2.0.0
                    dev: false

                  /express@4.17.1:
                    resolution: {integrity: sha512-mHJ9O79RqluphRrcw2X/GTh3k9tVv8YcoyY4Kkh4WDMUYKRZUq0h1o0w2rrrxBqM7VoeUVqgb27xlEMXTnYt4g==}
                    dependencies:
                      debug: 2.6.9
                    dev: false

                  /ms@2.0.0:
                    resolution: {integrity: sha512-Tpp60P6IUJDTuOq/5Z8cdskzJujfwqfOTkrwIwj7IRISpnkJnT6SyJ4PCPnGMoFjC9ddhal5KVIYtAt97ix05A==}
                    dev: false

                  /react-dom@17.0.2(react@17.0.2):
                    resolution: {integrity: sha512-s4h96KtLDUQlsENhMn1ar8t2bEa+q/YAtj8pPPdIjPDGBDIVNsrD9aXNWqspUe6AzKCIG0C1HZZLqLV7qpOBGA==}
                    dev: true
                """);
        // And a pnpm v9 lockfile with a snapshots section
        Lockfile v9 = write(root, "b/pnpm-lock.yaml", """
                lockfileVersion: '9.0'

                importers:

                  .:
                    dependencies:
                      '@babel/core':
                        specifier: ^7.12.0
                        version: 7.12.3

                packages:

                  '@babel/core@7.12.3':
                    resolution: {integrity: sha512-0qXcZYKZp3/6N2jKYVxZv0aNCsxTSVCiK72DTiTYZAu7sjg73W0/aynWjMbiGd87EQL4WyA8reiJVh92AVla9g==}

                  semver@5.7.1:
                    resolution: {integrity: sha512-sauaDf/PZdVgrLTNYHRtpXa1iRiKcaebiKQ1BJdpQlWH2lCvexQdX55snPFyK7QzpudqbCI0qXFfOasHdyNDGQ==}

                snapshots:

                  '@babel/core@7.12.3':
                    dependencies:
                      semver: 5.7.1

                  semver@5.7.1: {}
                """);

        // When
        List<LockedPackage> six = new PnpmLockParser().parse(v6).packages();
        List<LockedPackage> nine = new PnpmLockParser().parse(v9).packages();

        // Then
        assertThat(six).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("debug@2.6.9", "express@4.17.1", "ms@2.0.0", "react-dom@17.0.2");
        assertThat(find(six, "ms").dependencyPath()).containsExactly("express", "debug", "ms");
        assertThat(find(six, "react-dom").direct()).isTrue();
        assertThat(find(six, "react-dom").scope()).isEqualTo("dev");
        assertThat(find(six, "express").line()).isEqualTo(22);
        assertThat(nine).extracting(p -> p.name() + "@" + p.version())
                .containsExactly("@babel/core@7.12.3", "semver@5.7.1");
        assertThat(find(nine, "semver").dependencyPath()).containsExactly("@babel/core", "semver");
        assertThat(find(nine, "semver").direct()).isFalse();
        assertThat(find(nine, "@babel/core").line()).isEqualTo(13);
    }

    @Test
    void shouldCheckExactPinsOfAPackageJsonWithoutLockfile() throws Exception {
        // Given a manifest that pins some old packages exactly, as deliberately vulnerable demo apps do
        Lockfile manifest = write(root, "shop/package.json", """
                {
                  "name": "demo-shop",
                  "dependencies": {
                    "express": "^4.17.1",
                    "jsonwebtoken": "0.4.0",
                    "sanitize-html": "=1.4.2"
                  },
                  "devDependencies": {
                    "mocha": "~10.0.0",
                    "colors": "1.4.0"
                  }
                }
                """);
        // And one with a lockfile beside it
        Lockfile locked = write(root, "web/package.json", PACKAGE_JSON);
        write(root, "web/yarn.lock", "# yarn lockfile v1\n");

        // When
        LockfileResult result = new PackageJsonParser().parse(manifest);

        // Then
        assertThat(result.packages()).extracting(p -> p.name() + "@" + p.version() + ":" + p.line() + ":" + p.scope())
                .containsExactly("jsonwebtoken@0.4.0:5:null", "sanitize-html@1.4.2:6:null", "colors@1.4.0:10:dev");
        assertThat(result.packages()).allMatch(p -> Boolean.TRUE.equals(p.direct()));
        assertThat(result.warnings()).singleElement().asString().contains("2 dependencies given as ranges");
        assertThat(new PackageJsonParser().parse(locked).packages()).isEmpty();
    }

    @Test
    void shouldReadPnpmVersion5Keys() {
        assertThat(PnpmLockParser.parseKey("/@babel/core/7.12.3", null))
                .isEqualTo(new PnpmLockParser.NameVersion("@babel/core", "7.12.3"));
        assertThat(PnpmLockParser.parseKey("/react-dom/17.0.2_react@17.0.2", null))
                .isEqualTo(new PnpmLockParser.NameVersion("react-dom", "17.0.2"));
        assertThat(PnpmLockParser.parseKey("/string_decoder/1.3.0", null))
                .isEqualTo(new PnpmLockParser.NameVersion("string_decoder", "1.3.0"));
    }

    @Test
    void shouldReportMalformedNpmLockfilesClearly() throws Exception {
        Lockfile truncated = write(root, "x/package-lock.json", "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n");
        Lockfile wrong = write(root, "y/package-lock.json", "[1, 2, 3]");
        Lockfile yarn = write(root, "z/yarn.lock", "this is not\n  a yarn lockfile\n");

        assertThatThrownBy(() -> new NpmLockParser().parse(truncated)).isInstanceOf(LockfileException.class)
                .hasMessageContaining("malformed JSON at line");
        assertThatThrownBy(() -> new NpmLockParser().parse(wrong)).isInstanceOf(LockfileException.class);
        assertThatThrownBy(() -> new YarnLockParser().parse(yarn)).isInstanceOf(LockfileException.class)
                .hasMessageContaining("line 1");
        assertThatThrownBy(() -> new PnpmLockParser().parse(write(root, "p/pnpm-lock.yaml", "a: &a [*a, *a]\nb: [")))
                .isInstanceOf(LockfileException.class).hasMessageContaining("malformed YAML");
    }

    @Test
    void shouldTurnEveryNpmPackageIntoAPurl() {
        assertThat(Ecosystem.NPM.purl("@angular/core", "12.0.0")).isEqualTo("pkg:npm/%40angular/core@12.0.0");
        assertThat(Ecosystem.MAVEN.purl("org.apache.logging.log4j:log4j-core", "2.14.1"))
                .isEqualTo("pkg:maven/org.apache.logging.log4j/log4j-core@2.14.1");
        assertThat(Ecosystem.PYPI.purl("Django_Rest", "1.0")).isEqualTo("pkg:pypi/django-rest@1.0");
        assertThat(Ecosystem.GO.purl("github.com/gin-gonic/gin", "v1.6.0"))
                .isEqualTo("pkg:golang/github.com/gin-gonic/gin@v1.6.0");
    }
}
